import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../../bot/core/clock.js';
import { saveImages } from '../../../bot/lab/archive/save.js';
import { createExchange } from '../../../bot/lab/exchange.js';
import { socketOf, startPrivateEngine, type PrivateEngine } from '../../support/docker-engine.js';
import { importRandomImage } from '../../support/random-image.js';
import { enginesFor } from '../../support/engines.js';
import { removeLabelled, testLabel } from '../../support/lab-images.js';
import { throttledSocket } from '../../support/throttled-socket.js';
import { packageRoot } from '../../../bot/core/paths.js';

const run = promisify(execFile);
const root = packageRoot(import.meta.url);

/** Saves that go wrong on the way: the engine dies, the disk fills. Neither may leave a file behind. */
describe('a save that fails half-way', () => {
  let engine: PrivateEngine;
  let base: string;
  let stopping: Promise<void> | undefined;

  beforeAll(async () => {
    engine = await startPrivateEngine();
    base = await mkdtemp(join(tmpdir(), 'gorae-interrupted-'));
    await importRandomImage(engine.dockerHost, 'gorae-archive/interrupted:1', 96);
  });
  afterAll(async () => {
    await stopping;
    await engine?.stop();
    await rm(base, { recursive: true, force: true });
  });

  it('leaves no file when the engine dies in the middle of the stream', async () => {
    const dir = join(base, 'engine-dies');
    const host = enginesFor(engine.dockerHost).get('default')!;
    // SIGTERM would let dockerd finish the export first; a crash is what leaves a stream half-sent.
    const pid = Number(await readFile(join(engine.root, 'docker.pid'), 'utf8'));
    const saved = await saveImages(
      { images: ['gorae-archive/interrupted:1'], file: 'half.tar', gzip: false, force: false },
      {
        engine: host,
        exchange: createExchange(dir),
        clock: systemClock,
        who: 'tester',
        onProgress: () => {
          if (stopping) return;
          process.kill(pid, 'SIGKILL');
          stopping = engine.stop();
        },
      },
    );
    await stopping;
    expect(stopping).toBeDefined();
    expect(saved.ok ? 'saved' : saved.error).toMatchObject({ id: 'lab.save.engineLost', vars: { host: 'default' } });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('a save onto a full disk', () => {
  const root = process.getuid?.() === 0;
  let mount: string;

  beforeAll(async () => {
    mount = await mkdtemp(join(tmpdir(), 'gorae-full-'));
    if (root) await run('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mount]);
  });
  afterAll(async () => {
    if (root) await run('umount', [mount]).catch(() => undefined);
    await rm(mount, { recursive: true, force: true });
  });

  // Mounting a small tmpfs needs root, as starting a private dockerd does; CI runs as root.
  it.runIf(root)('says the disk is full and leaves no file', async () => {
    const dockerHost = inject('dockerHost');
    const label = testLabel('full-disk');
    const image = `gorae-${label.labelValue}/full-disk:1`;
    await importRandomImage(dockerHost, image, 1, label.labels);
    const dir = join(mount, 'exchange');
    await mkdir(dir);
    try {
      const saved = await saveImages(
        { images: [image], file: 'big.tar', gzip: false, force: false },
        { engine: enginesFor(dockerHost).get('default')!, exchange: createExchange(dir), clock: systemClock, who: 'tester' },
      );
      expect(saved).toEqual({ ok: false, error: { id: 'lab.save.diskFull', vars: { dir } } });
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await removeLabelled(dockerHost, label.label);
    }
  });
});

describe('a terminal save stopped by a signal', () => {
  const dockerHost = inject('dockerHost');
  const label = testLabel('signalled');
  const image = `gorae-${label.labelValue}/signalled:1`;
  let base: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'gorae-signalled-'));
    await importRandomImage(dockerHost, image, 8, label.labels);
  });
  afterAll(async () => {
    await removeLabelled(dockerHost, label.label);
    await rm(base, { recursive: true, force: true });
  });

  /** Waits until `ready` holds, checking every 50 ms, for at most 20 s. */
  async function until(ready: () => Promise<boolean>): Promise<void> {
    for (const started = Date.now(); !(await ready()); ) {
      if (Date.now() - started > 20_000) throw new Error('waited 20 s in vain');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it.each(['SIGTERM', 'SIGHUP'] as const)('leaves neither a temporary file nor the busy lock after %s', async (signal) => {
    const dir = join(base, signal);
    // Slowed down so the save is still running when the signal comes.
    const slow = await throttledSocket(socketOf(dockerHost)!, join(base, `${signal}.sock`), 512 * 1024);
    try {
      const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GORAE_') && key !== 'DOCKER_HOST'));
      const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bot/main.ts'), 'lab', 'save', image, '--file', 'stopped.tar'], {
        cwd: root,
        env: { ...clean, DOCKER_HOST: slow.dockerHost, GORAE_EXCHANGE_DIR: dir, GORAE_AUDIT_LOG: join(base, 'audit.jsonl'), GORAE_GAPS_FILE: join(base, 'gaps.jsonl') },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await until(async () => (await readdir(dir).catch(() => [])).some((name) => name.includes('.partial-')));
      expect((await readdir(dir)).some((name) => name.startsWith('.busy-'))).toBe(true);
      child.kill(signal);
      await exited;
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await slow.close();
    }
  });
});
