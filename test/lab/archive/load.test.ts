import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArchive, type LoadPlan } from '../../../bot/lab/archive/load.js';
import { saveImages } from '../../../bot/lab/archive/save.js';
import { truncateId } from '../../../bot/lab/humanize.js';
import { engineActingDuringLoad } from '../../support/engines.js';
import { legacyArchive } from '../../support/lab-images.js';
import { labEngines, usableHost } from '../../support/test-engines.js';
import { entriesOf, tarOf } from './archives.js';
import { archiveHarness, imageId, runRepository, type ArchiveHarness } from './harness.js';

const REPOSITORY = runRepository('load');

describe.each(labEngines())('loading an archive from the exchange folder ($name)', (testEngine) => {
  let h: ArchiveHarness;
  const tag = (name: string) => `${REPOSITORY}/load-${name}:1`;
  const image = (name: string, megabytes = 0) => h.image(tag(name), megabytes);
  const saveWithGorae = async (names: string[], file: string) => {
    const saved = await saveImages({ images: names.map(tag), file, gzip: file.endsWith('.gz'), force: false }, h.ports);
    if (!saved.ok) throw new Error(saved.error.id);
  };
  const answering = (answer: boolean, plans: LoadPlan[] = []) => ({
    ...h.ports,
    confirm: async (plan: LoadPlan) => {
      plans.push(plan);
      return answer;
    },
  });

  beforeEach(async () => {
    h = await archiveHarness(usableHost(testEngine));
    await h.ports.exchange.root();
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it('loads what the real docker save wrote, after showing what is inside', async () => {
    const id = await image('real');
    await h.docker('save', '-o', join(h.dir, 'real.tar'), tag('real'));
    await h.docker('rmi', tag('real'));
    const plans: LoadPlan[] = [];
    const loaded = await loadArchive({ file: 'real.tar', yes: false }, answering(true, plans));
    expect(plans).toEqual([
      expect.objectContaining({ file: 'real.tar', gzip: false, checksum: 'absent', replaced: [], images: [{ id, tags: [tag('real')] }] }),
    ]);
    expect(loaded.ok && loaded.value.loaded).toEqual([tag('real')]);
    expect(await imageId(h, tag('real'))).toBe(id);
  });

  it('loads a multi-image gzip archive whose checksum matches', async () => {
    const first = await image('gz-a');
    const second = await image('gz-b');
    await saveWithGorae(['gz-a', 'gz-b'], 'pair.tar.gz');
    await h.docker('rmi', tag('gz-a'), tag('gz-b'));
    const loaded = await loadArchive({ file: 'pair.tar.gz', yes: true }, h.ports);
    expect(loaded.ok && { gzip: loaded.value.gzip, checksum: loaded.value.checksum }).toEqual({ gzip: true, checksum: 'verified' });
    expect(loaded.ok && [...loaded.value.loaded].sort()).toEqual([tag('gz-a'), tag('gz-b')]);
    expect(await imageId(h, tag('gz-a'))).toBe(first);
    expect(await imageId(h, tag('gz-b'))).toBe(second);
  });

  it('says which tags it would move and to what, and changes nothing when told no', async () => {
    const incoming = await image('moved');
    await saveWithGorae(['moved'], 'moved.tar');
    // Another image under the same tag; the load leaves it dangling, and the harness's label still finds it.
    const current = await h.image(tag('moved'), 0, { 'gorae.variant': 'current' });
    const plans: LoadPlan[] = [];
    const declined = await loadArchive({ file: 'moved.tar', yes: false }, answering(false, plans));
    expect(plans[0]?.replaced).toEqual([{ tag: tag('moved'), currentId: current, incomingId: incoming }]);
    expect(declined).toEqual({ ok: false, error: { id: 'lab.load.declined', vars: { file: 'moved.tar' } } });
    expect(await imageId(h, tag('moved'))).toBe(current);

    const accepted = await loadArchive({ file: 'moved.tar', yes: false }, answering(true));
    expect(accepted.ok).toBe(true);
    expect(await imageId(h, tag('moved'))).toBe(incoming);
    // The plan's short ids are the ones `docker images` shows.
    expect((await h.docker('images', '--format', '{{.ID}}', tag('moved'))).stdout.trim()).toBe(truncateId(incoming));
  });

  it('shows no tag move when the archive holds the very images the tags name already', async () => {
    const id = await image('again');
    await saveWithGorae(['again'], 'again.tar');
    await h.docker('save', '-o', join(h.dir, 'again-cli.tar'), tag('again'));
    for (const file of ['again.tar', 'again-cli.tar']) {
      const plans: LoadPlan[] = [];
      const loaded = await loadArchive({ file, yes: false }, answering(true, plans));
      expect(plans, file).toEqual([expect.objectContaining({ replaced: [], images: [{ id, tags: [tag('again')] }] })]);
      expect(loaded.ok, file).toBe(true);
      expect(await imageId(h, tag('again'))).toBe(id);
    }
  });

  it('names a legacy-layout archive (docker save of Docker 24 and older) by the id the engine gives it, before and after loading', async () => {
    const layer = await tarOf([['hello.txt', Buffer.from('고래\n')]]);
    await writeFile(join(h.dir, 'legacy.tar'), await legacyArchive(tag('legacy'), layer, new Date(), h.labels));
    const plans: LoadPlan[] = [];
    expect((await loadArchive({ file: 'legacy.tar', yes: false }, answering(true, plans))).ok).toBe(true);
    const id = await imageId(h, tag('legacy'));
    expect(plans[0]?.images).toEqual([{ id, tags: [tag('legacy')] }]);
    const again: LoadPlan[] = [];
    expect((await loadArchive({ file: 'legacy.tar', yes: false }, answering(true, again))).ok).toBe(true);
    expect(again[0]?.replaced).toEqual([]);
  });

  it('fails loudly when the engine holds other tags after the load than the plan showed', async () => {
    const incoming = await image('watched');
    const other = await image('other');
    await saveWithGorae(['watched'], 'watched.tar');
    await h.docker('rmi', tag('watched'));
    // Another client moves the tag between the engine's load and Gorae's look at its tags.
    const engine = engineActingDuringLoad(h.ports.engine, () => h.docker('tag', tag('other'), tag('watched')));
    const loaded = await loadArchive({ file: 'watched.tar', yes: true }, { ...h.ports, engine });
    expect(loaded).toEqual({
      ok: false,
      error: {
        id: 'lab.load.unexpected',
        vars: { host: h.ports.engine.host, file: 'watched.tar', differences: `${tag('watched')} ${truncateId(incoming)} → ${truncateId(other)}` },
      },
    });

    // Nothing else acting, the same archive loads and its tags are the plan's.
    expect((await loadArchive({ file: 'watched.tar', yes: true }, h.ports)).ok).toBe(true);
    expect(await imageId(h, tag('watched'))).toBe(incoming);
  });

  it('asks first unless told yes, when nobody can answer', async () => {
    await image('ask');
    await saveWithGorae(['ask'], 'ask.tar');
    expect(await loadArchive({ file: 'ask.tar', yes: false }, h.ports)).toEqual({
      ok: false,
      error: { id: 'lab.load.unconfirmed', vars: { file: 'ask.tar' } },
    });
  });

  it('refuses an archive that does not match its .sha256 file, before loading anything', async () => {
    await image('tampered');
    await saveWithGorae(['tampered'], 'tampered.tar');
    await h.docker('rmi', tag('tampered'));
    const bytes = await readFile(join(h.dir, 'tampered.tar'));
    const middle = bytes.length >> 1;
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
    await writeFile(join(h.dir, 'tampered.tar'), bytes);
    const loaded = await loadArchive({ file: 'tampered.tar', yes: true }, h.ports);
    expect(loaded.ok ? 'loaded' : loaded.error.id).toBe('lab.load.checksum');
    expect(loaded.ok ? {} : loaded.error.vars).toMatchObject({ file: 'tampered.tar', expected: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await imageId(h, tag('tampered'))).toBeUndefined();
  });

  it('breaks off a plain load whose checksum fails, even when the engine would take the damaged archive', async () => {
    const id = await image('held');
    await h.docker('save', '-o', join(h.base, 'held-source.tar'), tag('held'));
    await h.docker('rmi', tag('held'));
    // A layer no image uses carries the damage (it never reaches the engine), and record padding follows the end marker.
    const entries = await entriesOf(await readFile(join(h.base, 'held-source.tar')));
    const filler: [string, Buffer] = [`${'f'.repeat(64)}/layer.tar`, randomBytes(64 * 1024)];
    const archive = Buffer.concat([await tarOf([filler, ...entries]), Buffer.alloc(8 * 1024)]);
    const digest = createHash('sha256').update(archive).digest('hex');
    await writeFile(join(h.dir, 'held.tar.sha256'), `${digest}  held.tar\n`);
    archive.writeUInt8(archive.readUInt8(1_000) ^ 0xff, 1_000);
    await writeFile(join(h.dir, 'held.tar'), archive);

    const refused = await loadArchive({ file: 'held.tar', yes: true }, h.ports);
    expect(refused.ok ? 'loaded' : refused.error.id).toBe('lab.load.checksum');
    expect(await imageId(h, tag('held'))).toBeUndefined();

    // The same bytes with a matching checksum load: only the checksum stopped the first attempt.
    await writeFile(join(h.dir, 'held.tar.sha256'), `${createHash('sha256').update(archive).digest('hex')}  held.tar\n`);
    const loaded = await loadArchive({ file: 'held.tar', yes: true }, h.ports);
    expect(loaded.ok && loaded.value.checksum).toBe('verified');
    expect(await imageId(h, tag('held'))).toBe(id);
  });

  it('refuses an archive rewritten in place while the question waits, plain or gzip with its checksum', async () => {
    await image('asked');
    await image('swapped');
    for (const file of ['swap.tar', 'swap.tar.gz']) {
      await saveWithGorae(['asked'], file);
      await saveWithGorae(['swapped'], `other-${file}`);
      const other = await readFile(join(h.dir, `other-${file}`));
      await h.docker('rmi', tag('asked'), tag('swapped'));
      const loaded = await loadArchive(
        { file, yes: false },
        // The same file, truncated and written again: the handle Gorae holds reads the new bytes.
        { ...h.ports, confirm: async () => (await writeFile(join(h.dir, file), other), true) },
      );
      expect(loaded.ok ? 'loaded' : loaded.error.id, file).toBe('lab.load.changed');
      expect(await imageId(h, tag('swapped'))).toBeUndefined();
      expect(await imageId(h, tag('asked'))).toBeUndefined();
      await image('asked');
      await image('swapped');
    }
  });

  it('refuses a .sha256 file it cannot read', async () => {
    await image('badsum');
    await saveWithGorae(['badsum'], 'badsum.tar');
    await writeFile(join(h.dir, 'badsum.tar.sha256'), 'not a checksum\n');
    const loaded = await loadArchive({ file: 'badsum.tar', yes: true }, h.ports);
    expect(loaded).toEqual({ ok: false, error: { id: 'lab.load.badSidecar', vars: { file: 'badsum.tar.sha256' } } });
  });

  it('tells a truncated archive from a corrupt one, plain or gzip, before the engine sees a byte', async () => {
    await image('broken', 2);
    await saveWithGorae(['broken'], 'cut.tar');
    await saveWithGorae(['broken'], 'cut.tar.gz');
    for (const file of ['cut.tar', 'cut.tar.gz']) {
      const { size } = await stat(join(h.dir, file));
      await truncate(join(h.dir, file), Math.floor(size / 2));
    }
    await writeFile(join(h.dir, 'noise.tar'), randomBytes(64 * 1024));
    await writeFile(join(h.dir, 'noise.tar.gz'), Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0]), randomBytes(64 * 1024)]));
    await writeFile(join(h.dir, 'text.tar.gz'), gzipSync('just some text, not a tar archive at all\n'.repeat(40)));
    await h.docker('rmi', tag('broken'));
    expect(await outcome('cut.tar')).toBe('lab.load.truncated');
    expect(await outcome('cut.tar.gz')).toBe('lab.load.truncated');
    expect(await outcome('noise.tar')).toBe('lab.load.corrupt');
    expect(await outcome('noise.tar.gz')).toBe('lab.load.corrupt');
    expect(await outcome('text.tar.gz')).toBe('lab.load.corrupt');
    expect(await imageId(h, tag('broken'))).toBeUndefined();
  });

  it('refuses a tar that docker save did not make, one without a manifest, and one missing a part its manifest lists', async () => {
    await image('parts');
    await h.docker('save', '-o', join(h.base, 'whole.tar'), tag('parts'));
    await h.docker('rmi', tag('parts'));
    await writeFile(join(h.dir, 'other.tar'), await tarOf([['notes.txt', Buffer.from('hello')]]));
    await writeFile(join(h.dir, 'legacy.tar'), await tarOf([['repositories', Buffer.from('{}')]]));
    const whole = await entriesOf(await readFile(join(h.base, 'whole.tar')));
    const manifest = JSON.parse(String(whole.find(([name]) => name === 'manifest.json')?.[1])) as Array<{ Layers: string[] }>;
    const layer = manifest[0]?.Layers[0];
    expect(whole.map(([name]) => name)).toContain(layer);
    await writeFile(join(h.dir, 'partial.tar'), await tarOf(whole.filter(([name]) => name !== layer)));
    // A tag docker load would refuse (and that would put an escape sequence on a terminal) is refused first.
    const tagged = whole.map(([name, body]): [string, Buffer] =>
      name === 'manifest.json' ? [name, Buffer.from(JSON.stringify([{ ...manifest[0], RepoTags: ['app:1\u001b[2J'] }]))] : [name, body],
    );
    await writeFile(join(h.dir, 'badtag.tar'), await tarOf(tagged));
    expect(await outcome('other.tar')).toBe('lab.load.foreign');
    expect(await outcome('legacy.tar')).toBe('lab.load.notImages');
    expect(await outcome('badtag.tar')).toBe('lab.load.badTag');
    const partial = await loadArchive({ file: 'partial.tar', yes: true }, h.ports);
    expect(partial).toEqual({ ok: false, error: { id: 'lab.load.missingPart', vars: { part: layer, file: 'partial.tar' } } });
    expect(await imageId(h, tag('parts'))).toBeUndefined();
  });

  const outcome = async (file: string) => {
    const loaded = await loadArchive({ file, yes: true }, h.ports);
    return loaded.ok ? 'loaded' : loaded.error.id;
  };
});
