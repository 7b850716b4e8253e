import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandInteraction, IDS } from '../support/fake-discord/payloads.js';
import { FakeDiscord } from '../support/fake-discord/server.js';
import { eventually, FAKE_TOKEN, startBot, type BotProcess } from './bot-process.js';

const started: { bot?: BotProcess; fake?: FakeDiscord }[] = [];

/** A fake Discord and a bot connected to it, registered and ready for questions. */
async function connectedBot(env: Record<string, string> = {}): Promise<{ bot: BotProcess; fake: FakeDiscord }> {
  const fake = await FakeDiscord.start({ token: FAKE_TOKEN });
  const bot = await startBot({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, ...env });
  started.push({ bot, fake });
  await fake.waitForCall((call) => call.method === 'PUT', 30_000).catch((error: Error) => {
    throw new Error(`${error.message}\nbot output:\n${bot.output()}`);
  });
  return { bot, fake };
}

afterEach(async () => {
  for (const { bot, fake } of started.splice(0)) {
    await bot?.kill();
    await fake?.stop();
  }
});

describe('the Discord front’s lifecycle', () => {
  it("starts with the log lines the README shows as a healthy start, field for field", async () => {
    const readme = await readFile(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const block = /A healthy start is[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)![1]!;
    const shown = block.trim().split('\n').map((line) => JSON.parse(line.replaceAll(':…', ':0')) as Record<string, unknown>);
    const { bot } = await connectedBot({ GORAE_GUILD_ID: IDS.guild });
    const logged = await eventually(() => {
      const lines = bot.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
      const wanted = shown.map((line) => lines.find((each) => each.msg === line.msg));
      if (wanted.some((line) => line === undefined)) throw new Error(`not logged yet:\n${bot.output()}`);
      return wanted as Record<string, unknown>[];
    });
    expect(logged.map((line) => Object.keys(line))).toEqual(shown.map((line) => Object.keys(line)));
    expect(logged.map((line) => [line.level, line.name, line.msg])).toEqual(shown.map((line) => [line.level, line.name, line.msg]));
  });

  it('registers commands globally when no guild is configured', async () => {
    const { fake } = await connectedBot();
    expect(fake.calls.find((call) => call.method === 'PUT')?.path).toBe(`/applications/${IDS.application}/commands`);
  });

  it('registers again only when Discord holds different commands', async () => {
    const { bot: first, fake } = await connectedBot({ GORAE_GUILD_ID: IDS.guild });
    await first.kill();
    const puts = () => fake.calls.filter((call) => call.method === 'PUT').length;
    const restart = async (): Promise<BotProcess> => {
      const bot = await startBot({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, GORAE_GUILD_ID: IDS.guild });
      started.push({ bot });
      await eventually(() => expect(bot.output()).toMatch(/slash commands (already up to date|registered)/), 30_000);
      return bot;
    };

    const unchanged = await restart();
    expect(unchanged.output()).toContain('slash commands already up to date');
    expect(puts()).toBe(1);
    const read = fake.calls.filter((call) => call.method === 'GET' && call.path.endsWith('/commands'));
    expect(read.at(-1)).toMatchObject({ path: `/applications/${IDS.application}/guilds/${IDS.guild}/commands`, query: { with_localizations: 'true' } });
    await unchanged.kill();

    fake.commands = fake.commands.map((command) => (command.name === 'ask' ? { ...command, description: 'an older description' } : command));
    const changed = await restart();
    expect(changed.output()).toContain('slash commands registered');
    expect(puts()).toBe(2);
  });

  it('finishes the reply in flight on SIGTERM, closes the gateway and exits 0 within 5 seconds', async () => {
    const { bot, fake } = await connectedBot();
    fake.responseDelayMs = 1_500;
    const ask = fake.commands.find((command) => command.name === 'ask')!;
    const id = await fake.interact(
      commandInteraction({ commandId: String(ask.id), name: 'ask', values: [{ name: 'question', value: 'run vs start' }], person: 'engineer', place: 'guild', locale: 'en-US' }),
    );
    const callback = await eventually(() => {
      const found = fake.calls.find((call) => call.path.startsWith(`/interactions/${id}/`));
      if (!found) throw new Error('the bot has not answered yet');
      return found;
    });
    expect(callback.delivered).toBe(false);

    const { code, ms } = await bot.signal('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
    expect(ms).toBeGreaterThan(500);
    expect(callback.delivered).toBe(true);
    expect(callback.status).toBe(204);
    expect(fake.gateway.stats.closes, 'the bot closed its gateway socket normally').toEqual([1000]);
    const health = JSON.parse(await readFile(join(bot.dir, 'health.json'), 'utf8')) as { gateway: string };
    expect(health.gateway).toBe('disconnected');
    expect(bot.output()).toContain('shutting down');
    expect(bot.output(), 'a clean shutdown is not reported as a lost connection').not.toContain('reconnecting');
    expect(bot.output()).not.toContain(FAKE_TOKEN);
  });

  it('exits 0 promptly on SIGINT when nothing is in flight', async () => {
    const { bot } = await connectedBot();
    const { code, ms } = await bot.signal('SIGINT');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(2_000);
  });

  it('stops with a log line, not the token, when Discord refuses the token', async () => {
    const fake = await FakeDiscord.start({ token: 'a-different-token-that-the-fake-expects-instead-of-the-bots-own' });
    const bot = await startBot({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl });
    started.push({ bot, fake });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('could not connect to Discord');
    expect(bot.output()).not.toContain(FAKE_TOKEN);
  });
});

describe('configuration errors', () => {
  const failsWith = async (env: Record<string, string>): Promise<string> => {
    const bot = await startBot(env);
    started.push({ bot });
    expect(await bot.exited).not.toBe(0);
    return bot.output();
  };

  it('stop start-up with the variable’s name and the reason, never the token', async () => {
    const spaced = `${FAKE_TOKEN.slice(0, 40)} ${FAKE_TOKEN.slice(40)}`;
    const [token, guild, api] = await Promise.all([
      failsWith({ DISCORD_TOKEN: spaced }),
      failsWith({ DISCORD_TOKEN: FAKE_TOKEN, GORAE_GUILD_ID: 'docker-study' }),
      failsWith({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: 'ftp://127.0.0.1/api' }),
    ]);
    expect(token).toContain('DISCORD_TOKEN');
    expect(token).toContain('without spaces');
    expect(guild).toContain('GORAE_GUILD_ID');
    expect(guild).toContain('must be a Discord server id');
    expect(api).toContain('DISCORD_API_URL');
    for (const output of [token, guild, api]) {
      expect(output).not.toContain(FAKE_TOKEN.slice(0, 40));
      expect(output).not.toContain(FAKE_TOKEN.slice(40));
    }
  });
});

describe('npm run register', () => {
  it('registers the commands on its own and says where', async () => {
    const fake = await FakeDiscord.start({ token: FAKE_TOKEN });
    const run = await startBot({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, GORAE_GUILD_ID: IDS.guild }, 'bot/discord/register.ts');
    started.push({ bot: run, fake });
    expect(await run.exited).toBe(0);
    expect(fake.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/${IDS.application}/guilds/${IDS.guild}/commands`,
    ]);
    expect(fake.gateway.stats.identifies).toEqual([]);
    expect(run.output()).toContain(`Slash commands registered in server ${IDS.guild} (4 in total)`);
  });

  it('explains, in Korean for a Korean terminal, that the token is missing, with the settings exit code 2', async () => {
    const run = await startBot({ LANG: 'ko_KR.UTF-8' }, 'bot/discord/register.ts');
    started.push({ bot: run });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('DISCORD_TOKEN이 설정되지 않았어요');
  });

  it('exits 2 on a bad setting, as gorae does, and asks to run the command again rather than to start Gorae', async () => {
    const run = await startBot({ GORAE_GUILD_ID: 'my-server' }, 'bot/discord/register.ts');
    started.push({ bot: run });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('GORAE_GUILD_ID is not valid: it must be a Discord server id');
    expect(run.output()).toContain('run the command again');
    expect(run.output()).not.toContain('my-server');
  });
});
