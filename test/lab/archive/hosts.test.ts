import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { loadArchive } from '../../../bot/lab/archive/load.js';
import { saveImages, type ArchiveServices, type SaveReport } from '../../../bot/lab/archive/save.js';
import type { LoadReport } from '../../../bot/lab/archive/load.js';
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
    const on = (host: string): ArchiveServices => ({ ...h.ports, engine: engines.get(host)! });
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

  it('lets another admin save on the host while a load waits for its yes, then loads', async () => {
    const saved = await saveImages({ images: [SMALL], file: 'waiting.tar', gzip: false, force: false }, h.ports);
    expect(saved.ok).toBe(true);
    let meanwhile: Result<SaveReport> | undefined;
    const loaded = await loadArchive(
      { file: 'waiting.tar', yes: false },
      {
        ...h.ports,
        who: 'mina',
        confirm: async () => {
          meanwhile = await saveImages({ images: [SMALL], file: 'meanwhile.tar', gzip: false, force: false }, { ...h.ports, who: 'joon' });
          return true;
        },
      },
    );
    expect(meanwhile?.ok, 'the save ran while the question was open').toBe(true);
    expect(loaded.ok && loaded.value.loaded).toEqual([SMALL]);
  });

  it('refuses a load whose yes comes while the host is busy with a save, and loads nothing', async () => {
    const tag = `${REPOSITORY}/later:1`;
    await h.image(tag);
    expect((await saveImages({ images: [tag], file: 'later.tar', gzip: false, force: false }, h.ports)).ok).toBe(true);
    await h.docker('rmi', tag);
    let saving: Promise<Result<SaveReport>> | undefined;
    const loaded = await loadArchive(
      { file: 'later.tar', yes: false },
      {
        ...h.ports,
        who: 'mina',
        confirm: async () => {
          await new Promise<void>((started) => {
            saving = saveImages({ images: [BIG], file: 'long.tar', gzip: false, force: false }, { ...h.ports, who: 'joon', onProgress: () => started() });
          });
          return true;
        },
      },
    );
    expect(loaded).toMatchObject({ ok: false, error: { id: 'lab.busy.save', vars: { host: 'default', file: 'long.tar', who: 'joon' } } });
    expect((await saving)?.ok).toBe(true);
    expect(await imageId(h, tag)).toBeUndefined();
  });

  it('refuses a load when the archive was saved over while it waited for its yes', async () => {
    expect((await saveImages({ images: [SMALL], file: 'over.tar', gzip: false, force: false }, h.ports)).ok).toBe(true);
    const loaded = await loadArchive(
      { file: 'over.tar', yes: false },
      {
        ...h.ports,
        confirm: async () => (await saveImages({ images: [BIG], file: 'over.tar', gzip: false, force: true }, h.ports)).ok,
      },
    );
    expect(loaded).toEqual({ ok: false, error: { id: 'lab.load.staleFile', vars: { file: 'over.tar' } } });
  });

  it('refuses a load when the tags it would move changed on the host while it waited for its yes', async () => {
    const tag = `${REPOSITORY}/moved:1`;
    await h.image(tag);
    expect((await saveImages({ images: [tag], file: 'moved.tar', gzip: false, force: false }, h.ports)).ok).toBe(true);
    let shown: Readonly<LoadReport['replaced']> | undefined;
    let retagged: string | undefined;
    const loaded = await loadArchive(
      { file: 'moved.tar', yes: false },
      {
        ...h.ports,
        confirm: async (plan) => {
          shown = plan.replaced;
          retagged = await h.image(tag, 1);
          return true;
        },
      },
    );
    expect(shown, 'nothing to replace when asked').toEqual([]);
    expect(loaded).toEqual({ ok: false, error: { id: 'lab.load.staleTags', vars: { file: 'moved.tar', host: 'default' } } });
    expect(await imageId(h, tag), 'the tag still names the image put there meanwhile').toBe(retagged);
  });
});
