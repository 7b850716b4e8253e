import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSource, indexTar, streamSource } from '../../../bot/lab/archive/tar-index.js';
import { END, rawEntry, tarOf } from './archives.js';

const ID = 'a'.repeat(64);
const keepManifest = (entry: { name: string }) => entry.name === 'manifest.json';

describe('the strict tar index', () => {
  let dir: string;
  let archive: Buffer;
  const names = [`${ID}/`, `${ID}/layer.tar`, `blobs/sha256/${'b'.repeat(64)}`, 'manifest.json'];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gorae-tar-index-'));
    archive = await tarOf([
      [{ name: `${ID}/`, type: 'directory' }],
      [`${ID}/layer.tar`, Buffer.alloc(5_000, 7)],
      [`blobs/sha256/${'b'.repeat(64)}`, Buffer.from('blob')],
      ['manifest.json', Buffer.from('[{"Config":"c.json"}]')],
    ]);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const indexFile = async (bytes: Buffer) => {
    const path = join(dir, 'a.tar');
    await writeFile(path, bytes);
    const handle = await open(path, 'r');
    try {
      return await indexTar(fileSource(handle, bytes.length), keepManifest);
    } finally {
      await handle.close();
    }
  };

  it('lists the entries docker save writes, keeps the asked-for document and finds the end marker', async () => {
    const indexed = await indexFile(archive);
    expect(indexed.ok && indexed.value.entries.map((entry) => entry.name)).toEqual(names);
    if (!indexed.ok) return;
    expect(indexed.value.files.get('manifest.json')?.toString()).toBe('[{"Config":"c.json"}]');
    expect(indexed.value.files.has(`${ID}/layer.tar`)).toBe(false);
    expect(archive.subarray(indexed.value.end).every((byte) => byte === 0)).toBe(true);
    expect(archive.subarray(indexed.value.end - 512, indexed.value.end).some((byte) => byte !== 0)).toBe(true);
  });

  it('reads the same index from a gzip stream', async () => {
    const stream = Readable.from([gzipSync(archive)]).pipe(createGunzip());
    const indexed = await indexTar(streamSource(stream), keepManifest);
    expect(indexed.ok && indexed.value.entries.map((entry) => entry.name)).toEqual(names);
  });

  it('refuses names docker save never writes, a name twice, and links other than a shared layer', async () => {
    const refused = async (entries: Parameters<typeof tarOf>[0]) => {
      const indexed = await indexFile(await tarOf(entries));
      return indexed.ok ? 'indexed' : indexed.error.id;
    };
    expect(await refused([['notes.txt', Buffer.from('x')]])).toBe('lab.load.foreign');
    expect(await refused([['manifest.json', Buffer.from('[]')], ['manifest.json', Buffer.from('[]')]])).toBe('lab.load.foreign');
    expect(await refused([[{ name: `${ID}/`, type: 'directory' }], [{ name: ID, type: 'directory' }]])).toBe('lab.load.foreign');
    expect(await refused([[{ name: `${ID}/layer.tar`, type: 'link', linkname: `../${'b'.repeat(64)}/layer.tar` }]])).toBe('lab.load.foreign');
    expect(await refused([[{ name: `${ID}/layer.tar`, type: 'symlink', linkname: '/etc/passwd' }]])).toBe('lab.load.foreign');
    expect(await refused([[{ name: `${ID}/layer.tar`, type: 'symlink', linkname: `../${'b'.repeat(64)}/layer.tar` }]])).toBe('indexed');
  });

  it('refuses a GNU long name at its header, before reading its body into memory', async () => {
    // 4,000 long names of 1 MB each once took the process to 4 GB; the first header is enough now.
    const longName = rawEntry('././@LongLink', Buffer.alloc(1 << 20, 0x61), (block) => block.write('L', 156, 'latin1'));
    const stream = Readable.from([gzipSync(Buffer.concat([longName, longName, END]))]).pipe(createGunzip());
    const indexed = await indexTar(streamSource(stream), keepManifest);
    expect(indexed.ok ? 'indexed' : indexed.error.id).toBe('lab.load.foreign');
  });

  it('calls an archive cut inside a body, a header or before the end marker truncated', async () => {
    for (const length of [2_000, 512 * 2 + 100, archive.length - 1024]) {
      const indexed = await indexFile(archive.subarray(0, length));
      expect(indexed.ok ? 'indexed' : indexed.error.id, `cut at ${length}`).toBe('lab.load.truncated');
    }
  });

  it('calls a file smaller than one tar header not an archive, rather than cut off', async () => {
    expect(await indexFile(Buffer.from('hello\n'))).toEqual({ ok: false, error: { id: 'lab.load.notArchive' } });
  });

  it('calls a header whose checksum does not add up corrupt', async () => {
    const damaged = Buffer.from(archive);
    damaged.writeUInt8(damaged.readUInt8(520) ^ 0x01, 520);
    const inBody = Buffer.from(archive);
    inBody.writeUInt8(0x42, 1_100);
    expect(await indexFile(damaged)).toEqual({ ok: false, error: { id: 'lab.load.corrupt' } });
    expect((await indexFile(inBody)).ok).toBe(true);
  });

  it('reads sizes written in base-256, as tar writes them past 8 GB', async () => {
    const header = Buffer.from(archive.subarray(512, 1024));
    header.fill(0, 124, 136);
    header.writeUInt8(0x80, 124);
    header.writeUInt32BE(5_000, 132);
    header.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const rewritten = Buffer.concat([archive.subarray(0, 512), header, archive.subarray(1024)]);
    const indexed = await indexFile(rewritten);
    expect(indexed.ok && indexed.value.files.has('manifest.json')).toBe(true);
  });
});
