import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { IDS } from '../support/fake-discord/payloads.js';
import { FakeDiscord } from '../support/fake-discord/server.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** 70 characters shaped like a bot token (id.timestamp.hmac); the tests check it never shows up in output. */
export const FAKE_TOKEN = `${Buffer.from('1100000000000000001').toString('base64url')}.GoRaE1.${'f4keT0ken-for-e2e_'.repeat(3)}`.slice(0, 70);

export interface BotProcess {
  readonly child: ChildProcess;
  readonly dir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  /** Sends a signal and measures how long the process takes to exit. */
  signal(name: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
  /** Ends the process whatever state it is in, and removes its temp folder. */
  kill(): Promise<void>;
}

/**
 * Starts the bot's real entry point (`bot/main.ts` through tsx, so no build step is needed; `entry`
 * picks another runnable file) with `env` on top of a clean environment and a private temp folder
 * for gaps and health files.
 */
export async function startBot(env: Record<string, string>, entry = 'bot/main.ts'): Promise<BotProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'gorae-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      LANG: 'C.UTF-8',
      GORAE_GAPS_FILE: join(dir, 'gaps.jsonl'),
      GORAE_HEALTH_FILE: join(dir, 'health.json'),
      GORAE_AUDIT_LOG: join(dir, 'audit.jsonl'),
      GORAE_EXCHANGE_DIR: join(dir, 'exchange'),
      GORAE_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    dir,
    output: () => output,
    exited,
    async signal(name) {
      const started = Date.now();
      child.kill(name);
      const code = await exited;
      return { code, ms: Date.now() - started };
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` passes or the time is up; the last failure explains what was missing. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * For one test file: a fake Discord and the bot connected to it, started before the tests (once the
 * bot has registered its commands) and stopped after them; a failing test shows the bot's output.
 */
export function botOnFakeDiscord(env: Record<string, string> = {}): { readonly fake: FakeDiscord; readonly bot: BotProcess } {
  const world = {} as { fake: FakeDiscord; bot: BotProcess };
  beforeAll(async () => {
    world.fake = await FakeDiscord.start({ token: FAKE_TOKEN });
    world.bot = await startBot({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: world.fake.apiUrl, GORAE_GUILD_ID: IDS.guild, ...env });
    await world.fake.waitForCall((call) => call.method === 'PUT' && call.path.endsWith('/commands'), 30_000).catch((error: Error) => {
      throw new Error(`${error.message}\nbot output:\n${world.bot.output()}`);
    });
  });
  beforeEach(({ onTestFailed }) => onTestFailed(() => console.error(`bot output (last 4000 characters):\n${world.bot.output().slice(-4_000)}`)));
  afterAll(async () => {
    await world.bot?.kill();
    await world.fake?.stop();
  });
  return world;
}
