import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { readConfig } from '../config.js';
import { EXIT } from '../core/exit-code.js';
import { langFromLocale } from '../core/lang.js';
import { createI18n, explain, translator } from '../i18n.js';
import { restBase } from './client.js';
import { commands } from './commands/index.js';

/**
 * Replaces the application's commands with Gorae's: in one guild when `guildId` is given (Discord
 * applies those at once), otherwise globally. Returns how many commands Discord now holds.
 */
export async function registerCommands(rest: REST, applicationId: string, guildId: string | undefined): Promise<number> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const saved = (await rest.put(route, { body: commands.map((command) => command.data) })) as unknown[];
  return saved.length;
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
