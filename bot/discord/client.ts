import { Client, GatewayIntentBits, Partials } from 'discord.js';
import { NO_MENTIONS } from './limits.js';

/**
 * Only non-privileged intents: Discord delivers message content anyway for DMs and for messages
 * that mention the bot, which is all Gorae reads. DM channels arrive uncached, hence the partial.
 */
export function createClient(apiUrl: string): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: { api: restBase(apiUrl) },
  });
}

/** `DISCORD_API_URL` with or without a trailing slash; discord.js appends `/v10/...` itself. */
export const restBase = (apiUrl: string): string => apiUrl.replace(/\/+$/, '');
