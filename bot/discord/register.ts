import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { readConfig } from '../config.js';
import { EXIT } from '../core/exit-code.js';
import { langFromLocale } from '../core/lang.js';
import { createI18n, explain, translator } from '../i18n.js';
import { restBase } from './client.js';
import { commands, messageMenus } from './commands/index.js';

const routeOf = (applicationId: string, guildId: string | undefined) =>
  guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);

/** What Gorae registers: its slash commands and its message menus. */
const definitions = (): unknown[] => [...commands, ...messageMenus].map((command) => command.data);

/**
 * Replaces the application's commands (slash commands and message menus) with Gorae's: in one guild
 * when `guildId` is given (Discord applies those at once), otherwise globally. Returns how many
 * commands Discord now holds.
 */
export async function registerCommands(rest: REST, applicationId: string, guildId: string | undefined): Promise<number> {
  const saved = (await rest.put(routeOf(applicationId, guildId), { body: definitions() })) as unknown[];
  return saved.length;
}

/**
 * Registers Gorae's commands only when what Discord holds differs from them, so a restart does not
 * rewrite (and, globally, re-propagate) unchanged commands. Returns whether it wrote.
 */
export async function syncCommands(rest: REST, applicationId: string, guildId: string | undefined): Promise<{ written: boolean; count: number }> {
  const held = (await rest.get(routeOf(applicationId, guildId), { query: new URLSearchParams({ with_localizations: 'true' }) })) as unknown[];
  if (sameCommands(definitions(), held)) return { written: false, count: held.length };
  return { written: true, count: await registerCommands(rest, applicationId, guildId) };
}

/** Each of ours is held by name with every field we set; what Discord adds (ids, versions) is ignored. */
export function sameCommands(ours: readonly unknown[], held: readonly unknown[]): boolean {
  if (ours.length !== held.length) return false;
  return ours.every((command) => held.some((other) => covers(other, command)));
}

/** `held` has every value `wanted` has: objects key by key, arrays item by item and of the same length. */
function covers(held: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) return Array.isArray(held) && held.length === wanted.length && wanted.every((item, index) => covers(held[index], item));
  if (typeof wanted === 'object' && wanted !== null) {
    if (typeof held !== 'object' || held === null) return false;
    return Object.entries(wanted).every(([key, value]) => covers((held as Record<string, unknown>)[key], value));
  }
  return held === wanted;
}

/** `npm run register`: registers the commands without starting the bot. Returns the exit code. */
async function main(): Promise<number> {
  const config = readConfig();
  const lang = (config.ok ? config.value.GORAE_LANG : undefined) ?? langFromLocale(process.env.LC_ALL || process.env.LANG);
  const t = translator(createI18n(), lang);
  if (!config.ok) {
    console.error(explain(t, config.error));
    return EXIT.usage;
  }
  const { DISCORD_TOKEN: token, DISCORD_API_URL: api, GORAE_GUILD_ID: guildId } = config.value;
  if (!token) {
    console.error(t('discord:register.noToken'));
    return EXIT.usage;
  }
  const rest = new REST({ api: restBase(api) }).setToken(token);
  try {
    const application = (await rest.get(Routes.currentApplication())) as { id: string };
    const count = await registerCommands(rest, application.id, guildId);
    console.log(guildId ? t('discord:register.guild', { number: count, guild: guildId }) : t('discord:register.global', { number: count }));
    return EXIT.ok;
  } catch (error) {
    // Discord's error text never holds the token today; scrubbing keeps it that way whatever the library says.
    console.error(t('discord:register.failed', { reason: (error as Error).message.replaceAll(token, '[secret]') }));
    return EXIT.failed;
  }
}

/** Runs only when started as a script (`npm run register`), not when start.ts imports it. */
const script = process.argv[1];
if (script && existsSync(script) && import.meta.url === pathToFileURL(realpathSync(script)).href) process.exitCode = await main();
