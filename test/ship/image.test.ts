import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IDS } from '../support/fake-discord/payloads.js';
import { FakeDiscord } from '../support/fake-discord/server.js';
import { socketOf } from '../support/docker-engine.js';
import { baseImages, holdNodeBase, type HeldBase } from '../support/node-stand-in.js';
import { eventually, FAKE_TOKEN } from '../e2e/bot-process.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const QUESTION = 'run vs start';
/** "contianer" is corrected and "pending" kept, which the dictionaries decide: they load only for such a question. */
const TYPO_QUESTION = 'how to remove a contianer that is pending';

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end and reports its exit code instead of throwing on a non-zero one. */
function exec(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the container image built from the Dockerfile', () => {
  const dockerHost = inject('dockerHost');
  const id = randomUUID().slice(0, 8);
  const tag = `gorae-ship-${id}:test`;
  const container = `gorae-ship-${id}`;
  const volume = `gorae-ship-${id}-data`;
  const env = { ...process.env, DOCKER_HOST: dockerHost, DOCKER_BUILDKIT: '0' };
  const docker = (...args: string[]) => exec('docker', args, env);
  let fake: FakeDiscord | undefined;
  let bases: string[] = [];
  let base: HeldBase | undefined;

  beforeAll(async () => {
    bases = baseImages(await readFile(join(ROOT, 'Dockerfile'), 'utf8'));
    expect(bases).toEqual(['node:24-bookworm-slim']);
    base = await holdNodeBase(dockerHost, bases[0]!);
    // --network host: `npm ci` and `apt-get` in the build reach their registries from the host's network.
    const built = await docker('build', '--network', 'host', '--tag', tag, ROOT);
    if (built.code !== 0) throw new Error(`docker build failed:\n${(built.stdout + built.stderr).slice(-4_000)}`);
  }, 300_000);

  afterAll(async () => {
    await docker('rm', '--force', '--volumes', container);
    await docker('volume', 'rm', '--force', volume);
    await docker('rmi', '--force', tag);
    await base?.release();
    await fake?.stop();
  });

  const askedInsideAndOut = async (question: string): Promise<string> => {
    const inside = await docker('run', '--rm', '--network', 'none', tag, 'ask', '--lang', 'en', question);
    expect(inside).toMatchObject({ code: 0, stderr: '' });
    const home = await mkdtemp(join(tmpdir(), 'gorae-ship-'));
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'bot', 'main.ts'), 'ask', '--lang', 'en', question], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: home, GORAE_GAPS_FILE: join(home, 'gaps.jsonl') },
      });
      expect(inside.stdout).toBe(stdout);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
    return inside.stdout;
  };

  it('answers `gorae ask` inside the container exactly as the source tree does', async () => {
    expect(await askedInsideAndOut(QUESTION)).toContain('docker run');
  });

  it('reads the spelling dictionaries inside the container, for a question with a typo beside a real word', async () => {
    expect(await askedInsideAndOut(TYPO_QUESTION)).toContain('docker rm');
  });

  it('ships the build output and production dependencies only, under OCI labels', async () => {
    const listing = await docker('run', '--rm', '--network', 'none', '--entrypoint', 'sh', tag, '-c', 'ls /app; echo --; ls /app/node_modules');
    const [app, modules] = listing.stdout.trim().split('\n--\n').map((part) => part.split('\n')) as [string[], string[]];
    expect(app).toEqual(['dist', 'knowledge', 'node_modules', 'package.json']);
    expect(modules).toEqual(expect.arrayContaining(['discord.js', 'dockerode', 'i18next', 'minisearch', 'zod']));
    for (const devOnly of ['typescript', 'vitest', 'tsx', 'esbuild']) expect(modules).not.toContain(devOnly);
    const labels = JSON.parse((await docker('image', 'inspect', '--format', '{{json .Config.Labels}}', tag)).stdout) as Record<string, string>;
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string };
    expect(labels).toMatchObject({
      'org.opencontainers.image.title': 'Gorae',
      'org.opencontainers.image.version': pkg.version,
      'org.opencontainers.image.licenses': pkg.license,
    });
  });

  interface HealthState {
    readonly Status: string;
    readonly Log: { ExitCode: number; Output: string }[];
  }
  const logs = async () => {
    const { stdout, stderr } = await docker('logs', container);
    return stdout + stderr;
  };
  /** Waits until Docker's own health check (the image's HEALTHCHECK) reports `status`. */
  const healthBecomes = (status: 'healthy' | 'unhealthy') =>
    eventually(async () => {
      const state = JSON.parse((await docker('inspect', '--format', '{{json .State.Health}}', container)).stdout) as HealthState;
      if (state.Status !== status) throw new Error(`health is ${state.Status}: ${JSON.stringify(state.Log.at(-1))}\n${await logs()}`);
      return state;
    }, 60_000);

  it('connects to Discord hardened as docker-compose.yml runs it, as a non-root user, and turns healthy', async () => {
    fake = await FakeDiscord.start({ token: FAKE_TOKEN });
    const started = await docker(
      'run', '--detach', '--name', container,
      // Host networking reaches the fake Discord on 127.0.0.1 (this engine runs without a bridge).
      '--network', 'host',
      '--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges:true',
      '--volume', `${volume}:/data`,
      // The image's own health check, polled every second instead of every 30 s.
      '--health-interval', '1s', '--health-start-period', '0s',
      '--env', `DISCORD_TOKEN=${FAKE_TOKEN}`, '--env', `DISCORD_API_URL=${fake.apiUrl}`, '--env', `GORAE_GUILD_ID=${IDS.guild}`,
      tag,
    );
    expect(started).toMatchObject({ code: 0 });
    const health = await healthBecomes('healthy');
    expect(health.Log.at(-1)).toMatchObject({ ExitCode: 0, Output: expect.stringContaining('healthy: knowledge loaded, Discord gateway ready') });

    const processes = await docker('exec', container, 'sh', '-c', 'for p in /proc/[0-9]*; do echo "$(grep ^Uid: $p/status | cut -f2) $(tr "\\0" " " < $p/cmdline)"; done');
    const bot = processes.stdout.split('\n').filter((line) => line.includes('/app/dist/bot/main.js') && !line.includes('health'));
    expect(bot.map((line) => line.split(' ')[0])).toEqual(['1000', '1000']);
    expect(bot.join('\n')).toMatch(/^1000 \/usr\/bin\/tini -- node \/app\/dist\/bot\/main\.js/m);
    expect(await logs()).not.toContain(FAKE_TOKEN);
  }, 90_000);

  it('shows why the README warns that mounting the socket read-only restricts nothing', async () => {
    const socket = socketOf(dockerHost);
    if (!socket) throw new Error(`This check needs the engine on a unix socket, not ${dockerHost}.`);
    const created = `gorae-ship-${id}-via-ro`;
    const script = `require('http').request({ socketPath: '/var/run/docker.sock', method: 'POST', path: '/containers/create?name=${created}',
      headers: { 'content-type': 'application/json' } }, (res) => { console.log(res.statusCode); res.resume(); }).end(JSON.stringify({ Image: '${bases[0]}', Cmd: ['true'] }))`;
    try {
      const ran = await docker('run', '--rm', '--network', 'none', '--volume', `${socket}:/var/run/docker.sock:ro`, bases[0]!, 'node', '-e', script);
      expect(ran).toMatchObject({ code: 0, stdout: '201\n' });
      expect((await docker('inspect', '--format', '{{.State.Status}}', created)).stdout.trim()).toBe('created');
    } finally {
      await docker('rm', '--force', created);
    }
  });

  it('stops on SIGTERM within 5 seconds with exit code 0', async () => {
    const began = Date.now();
    expect(await docker('stop', '--time', '10', container)).toMatchObject({ code: 0 });
    const elapsed = Date.now() - began;
    const exit = (await docker('inspect', '--format', '{{.State.ExitCode}}', container)).stdout.trim();
    expect({ exit, underFiveSeconds: elapsed < 5_000 }).toEqual({ exit: '0', underFiveSeconds: true });
  });

  it('turns unhealthy, saying why, when Discord goes away', async () => {
    expect(await docker('start', container)).toMatchObject({ code: 0 });
    await healthBecomes('healthy');
    await fake?.stop();
    fake = undefined;
    const health = await healthBecomes('unhealthy');
    expect(health.Log.at(-1)).toMatchObject({ ExitCode: 1, Output: expect.stringMatching(/^unhealthy: (still connecting to|disconnected from) Discord/) });
  }, 90_000);
});
