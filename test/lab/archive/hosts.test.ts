import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { loadArchive } from '../../../bot/lab/archive/load.js';
import { saveImages, type ArchivePorts, type SaveReport } from '../../../bot/lab/archive/save.js';
import type { Result } from '../../../bot/core/result.js';
import { startPrivateEngine, type PrivateEngine } from '../../support/docker-engine.js';
import { importBusybox, removeLabelled, testLabel } from '../../support/lab-images.js';
import { dockerAt } from '../../support/docker-cli.js';
import { importRandomImage } from '../../support/random-image.js';
import { enginesFor } from '../../support/engines.js';
import { archiveHarness, imageId, runRepository, type ArchiveHarness } from './harness.js';

const dockerHost = inject('dockerHost');
const REPOSITORY = runRepository('hosts');
const BIG = `${REPOSITORY}/big:1`;
const SMALL = `${REPOSITORY}/small:1`;
const LABEL = testLabel('hosts');

/** One save or load per host at a time; other hosts carry on, and archives move between them. */
describe('archive actions across hosts', () => {
  let second: PrivateEngine;
  let h: ArchiveHarness;

  beforeAll(async () => {
    second = await startPrivateEngine();
    await importRandomImage(dockerHost, BIG, 48, LABEL.labels);
    await importBusybox(dockerHost, SMALL, LABEL.labels);
  });
  afterAll(async () => {
    await second?.stop();
    await removeLabelled(dockerHost, LABEL.label);
  });
  beforeEach(async () => {
    h = await archiveHarness(dockerHost);
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it('tells a second save on the same host what is running, and frees the host afterwards', async () => {
    let competing: Promise<Result<SaveReport>> | undefined;
    const first = await saveImages(
      { images: [BIG], file: 'first.tar', gzip: false, force: false },
      {
        ...h.ports,
        who: 'mina',
        onProgress: () => {
          competing ??= saveImages({ images: [SMALL], file: 'second.tar', gzip: false, force: false }, { ...h.ports, who: 'joon' });
        },
      },
    );
    expect(first.ok).toBe(true);
    expect(await competing).toEqual({
      ok: false,
      error: {
        id: 'lab.busy.save',
        vars: { host: 'default', file: 'first.tar', who: 'mina', since: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/) },
      },
    });
    const third = await saveImages({ images: [SMALL], file: 'third.tar', gzip: false, force: false }, h.ports);
    expect(third.ok).toBe(true);
    expect(await h.files()).toEqual(['first.tar', 'first.tar.sha256', 'third.tar', 'third.tar.sha256']);
  });

  it('takes over a busy mark left by a process that died', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    const pid = dead.pid!;
    await new Promise((resolve) => dead.on('exit', resolve));
    await h.ports.exchange.root();
    const since = new Date().toISOString();
    await writeFile(join(h.dir, '.busy-default.json'), JSON.stringify({ action: 'load', file: 'x.tar', who: 'gone', since, pid, machine: hostname() }));
    const saved = await saveImages({ images: [SMALL], file: 'after.tar', gzip: false, force: false }, h.ports);
    expect(saved.ok).toBe(true);
  });

  it('moves an image from one host to another while the first host is busy with a save', async () => {
    const engines = enginesFor(dockerHost, `lab2=${second.dockerHost}`);
    const on = (host: string): ArchivePorts => ({ ...h.ports, engine: engines.get(host)! });
    const small = await saveImages({ images: [SMALL], file: 'move.tar', gzip: false, force: false }, on('default'));
    expect(small.ok).toBe(true);

    let load: ReturnType<typeof loadArchive> | undefined;
    const big = await saveImages(
      { images: [BIG], file: 'busy.tar', gzip: false, force: false },
      { ...on('default'), onProgress: () => (load ??= loadArchive({ file: 'move.tar', yes: true }, on('lab2'))) },
    );
    expect(big.ok).toBe(true);
    const loaded = await load;
    expect(loaded?.ok && { host: loaded.value.host, loaded: loaded.value.loaded }).toEqual({ host: 'lab2', loaded: [SMALL] });
    const there = await dockerAt(second.dockerHost, ['image', 'inspect', '--format', '{{.Id}}', SMALL]);
    expect(there.stdout.trim()).toBe(await imageId(h, SMALL));
  });
});
