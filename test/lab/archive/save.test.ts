import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { defaultFileName, saveImages } from '../../../bot/lab/archive/save.js';
import { FILE_NAME_MAX } from '../../../bot/lab/exchange.js';
import { archiveHarness, imageId, runRepository, type ArchiveHarness } from './harness.js';

const run = promisify(execFile);
const dockerHost = inject('dockerHost');
const REPOSITORY = runRepository('save');

describe('saving images into the exchange folder', () => {
  let h: ArchiveHarness;
  const tag = (name: string) => `${REPOSITORY}/save-${name}:1`;
  const image = (name: string, megabytes = 0) => h.image(tag(name), megabytes);

  beforeEach(async () => {
    h = await archiveHarness(dockerHost);
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it('writes an archive the real docker load restores, with a companion sha256sum accepts', async () => {
    const id = await image('plain');
    const saved = await saveImages({ images: [tag('plain')], file: 'plain.tar', gzip: false, force: false }, h.ports);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(await h.files()).toEqual(['plain.tar', 'plain.tar.sha256']);
    expect(saved.value.bytes).toBe((await stat(join(h.dir, 'plain.tar'))).size);
    expect(await readFile(join(h.dir, 'plain.tar.sha256'), 'utf8')).toBe(`${saved.value.sha256}  plain.tar\n`);
    const { stdout } = await run('sha256sum', ['-c', 'plain.tar.sha256'], { cwd: h.dir });
    expect(stdout.trim()).toBe('plain.tar: OK');
    expect(saved.value.throughput).toBeGreaterThan(0);

    await h.docker('rmi', tag('plain'));
    expect(await imageId(h, tag('plain'))).toBeUndefined();
    const loaded = await h.docker('load', '-i', join(h.dir, 'plain.tar'));
    expect(loaded.stdout).toContain(`Loaded image: ${tag('plain')}`);
    expect(await imageId(h, tag('plain'))).toBe(id);
  });

  it('puts several images into one gzip archive that docker load restores', async () => {
    const first = await image('multi-a');
    const second = await image('multi-b');
    const saved = await saveImages({ images: [tag('multi-a'), tag('multi-b')], gzip: true, force: false }, h.ports);
    expect(saved.ok && saved.value.file).toBe('save-multi-a_1-save-multi-b_1.tar.gz');
    if (!saved.ok) return;
    const bytes = await readFile(join(h.dir, saved.value.file));
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(saved.value.rawBytes).toBeGreaterThan(saved.value.bytes);

    await h.docker('rmi', tag('multi-a'), tag('multi-b'));
    await h.docker('load', '-i', join(h.dir, saved.value.file));
    expect(await imageId(h, tag('multi-a'))).toBe(first);
    expect(await imageId(h, tag('multi-b'))).toBe(second);
  });

  it('names the image that does not exist and writes nothing', async () => {
    await image('present');
    const saved = await saveImages({ images: [tag('present'), tag('absent')], gzip: false, force: false }, h.ports);
    expect(saved).toEqual({ ok: false, error: { id: 'lab.image.missing', vars: { host: 'default', image: tag('absent') } } });
    expect(await h.files()).toEqual([]);
  });

  it('never replaces an existing archive without force, and replaces it with force', async () => {
    await image('kept');
    await saveImages({ images: [tag('kept')], file: 'kept.tar', gzip: false, force: false }, h.ports);
    await writeFile(join(h.dir, 'kept.tar'), 'precious');
    const refused = await saveImages({ images: [tag('kept')], file: 'kept.tar', gzip: false, force: false }, h.ports);
    expect(refused).toEqual({ ok: false, error: { id: 'lab.save.exists', vars: { file: 'kept.tar' } } });
    expect(await readFile(join(h.dir, 'kept.tar'), 'utf8')).toBe('precious');

    const forced = await saveImages({ images: [tag('kept')], file: 'kept.tar', gzip: false, force: true }, h.ports);
    expect(forced.ok).toBe(true);
    expect((await stat(join(h.dir, 'kept.tar'))).size).toBeGreaterThan(1_000_000);
    expect(await h.files()).toEqual(['kept.tar', 'kept.tar.sha256']);
  });

  it('neither overwrites an existing .sha256 without force nor loses the old archive when a --force save meets a folder there', async () => {
    await image('companion');
    await h.ports.exchange.root();
    await writeFile(join(h.dir, 'lone.tar.sha256'), 'someone else’s sum');
    const unforced = await saveImages({ images: [tag('companion')], file: 'lone.tar', gzip: false, force: false }, h.ports);
    expect(unforced).toEqual({ ok: false, error: { id: 'lab.save.exists', vars: { file: 'lone.tar.sha256' } } });
    expect(await readFile(join(h.dir, 'lone.tar.sha256'), 'utf8')).toBe('someone else’s sum');

    await writeFile(join(h.dir, 'blocked.tar'), 'precious');
    await mkdir(join(h.dir, 'blocked.tar.sha256'));
    const forced = await saveImages({ images: [tag('companion')], file: 'blocked.tar', gzip: false, force: true }, h.ports);
    expect(forced).toEqual({ ok: false, error: { id: 'lab.file.notFile', vars: { file: 'blocked.tar.sha256' } } });
    expect(await readFile(join(h.dir, 'blocked.tar'), 'utf8')).toBe('precious');
    expect(await h.files()).toEqual(['blocked.tar', 'blocked.tar.sha256', 'lone.tar.sha256']);
  });

  it('writes the longest name it accepts, with its companion and temporary names beside it', async () => {
    await image('long');
    for (const file of [`${'n'.repeat(FILE_NAME_MAX - 4)}.tar`, `${'z'.repeat(FILE_NAME_MAX - 7)}.tar.gz`]) {
      const saved = await saveImages({ images: [tag('long')], file, gzip: false, force: false }, h.ports);
      expect(saved.ok ? saved.value.file : saved.error).toBe(file);
    }
    expect(await h.files()).toHaveLength(4);
  });

  it('refuses names that leave the folder, and a link that points out of it', async () => {
    await image('jail');
    await writeFile(join(h.base, 'outside.tar'), 'not yours');
    await h.ports.exchange.root();
    await symlink(join(h.base, 'outside.tar'), join(h.dir, 'link.tar'));
    for (const [file, id] of [
      ['../x.tar', 'lab.file.path'],
      ['/etc/passwd', 'lab.file.path'],
      ['a/b.tar', 'lab.file.path'],
      ['x.txt', 'lab.file.extension'],
      ['x\0.tar', 'lab.file.nul'],
      [`${'n'.repeat(296)}.tar`, 'lab.file.tooLong'],
      ['link.tar', 'lab.file.outside'],
    ] as const) {
      const saved = await saveImages({ images: [tag('jail')], file, gzip: false, force: true }, h.ports);
      expect(saved.ok ? 'saved' : saved.error.id, file).toBe(id);
    }
    expect(await readFile(join(h.base, 'outside.tar'), 'utf8')).toBe('not yours');
    expect(await h.files()).toEqual(['link.tar']);
  });

  it('asks for a .tar.gz name when --gzip is given with a .tar name', async () => {
    const saved = await saveImages({ images: [tag('any')], file: 'plain.tar', gzip: true, force: false }, h.ports);
    expect(saved).toEqual({ ok: false, error: { id: 'lab.save.gzipName', vars: { file: 'plain.tar' } } });
  });

  it('removes the temporary file when the save is cancelled mid-stream', async () => {
    await image('cancel', 48);
    const control = new AbortController();
    const seen: number[] = [];
    const saved = await saveImages(
      { images: [tag('cancel')], file: 'cancel.tar', gzip: false, force: false },
      {
        ...h.ports,
        signal: control.signal,
        onProgress: (progress) => {
          seen.push(progress.bytes);
          control.abort();
        },
      },
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(saved).toEqual({ ok: false, error: { id: 'lab.save.cancelled', vars: { host: 'default' } } });
    expect(await h.files()).toEqual([]);
  });

  it('keeps the archive a --force save would have replaced when that save fails', async () => {
    await image('replaced', 8);
    await h.ports.exchange.root();
    await writeFile(join(h.dir, 'old.tar'), 'precious');
    await writeFile(join(h.dir, 'old.tar.sha256'), 'old sum');
    const control = new AbortController();
    const saved = await saveImages(
      { images: [tag('replaced')], file: 'old.tar', gzip: false, force: true },
      { ...h.ports, signal: control.signal, onProgress: () => control.abort() },
    );
    expect(saved.ok ? 'saved' : saved.error.id).toBe('lab.save.cancelled');
    expect(await h.files()).toEqual(['old.tar', 'old.tar.sha256']);
    expect(await readFile(join(h.dir, 'old.tar'), 'utf8')).toBe('precious');
    expect(await readFile(join(h.dir, 'old.tar.sha256'), 'utf8')).toBe('old sum');
  });

  it('reports progress against the images’ total size', async () => {
    await image('progress', 16);
    const seen: Array<{ bytes: number; total: number }> = [];
    const saved = await saveImages(
      { images: [tag('progress')], file: 'progress.tar', gzip: false, force: false },
      { ...h.ports, onProgress: (progress) => seen.push(progress) },
    );
    expect(saved.ok).toBe(true);
    const size = Number((await h.docker('image', 'inspect', '--format', '{{.Size}}', tag('progress'))).stdout);
    expect(seen[0]?.total).toBe(size);
    expect(seen.every((progress) => progress.bytes > 0 && progress.bytes <= progress.total)).toBe(true);
  });
});

describe('a default archive name', () => {
  it('is made of the images’ names without their registry path', () => {
    expect(defaultFileName(['registry.local:5000/team/app:1.2'], false)).toBe('app_1.2.tar');
    expect(defaultFileName(['app', 'db:9'], true)).toBe('app-db_9.tar.gz');
    expect(defaultFileName([`app@sha256:${'a'.repeat(64)}`], false)).toBe(`app_${'a'.repeat(64)}.tar`);
    expect(defaultFileName(Array.from({ length: 40 }, (_, i) => `service-${i}:1.0`), true)).toHaveLength(FILE_NAME_MAX);
  });
});
