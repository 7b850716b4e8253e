import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip, gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSource, indexTar, streamSource } from '../../../bot/lab/archive/tar-index.js';

async function tarOf(entries: Array<[{ name: string; type?: 'directory' }, Buffer?]>): Promise<Buffer> {
  const archive = pack();
  for (const [header, content] of entries) archive.entry(header, content ?? Buffer.alloc(0));
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the tar index', () => {
  let dir: string;
  const longName = `blobs/sha256/${'a'.repeat(64)}/${'very-long-directory-name/'.repeat(8)}layer.tar`;
  let archive: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gorae-tar-index-'));
    archive = await tarOf([
      [{ name: 'layers', type: 'directory' }],
      [{ name: 'layers/big.bin' }, Buffer.alloc(5_000, 7)],
      [{ name: longName }, Buffer.from('long')],
      [{ name: 'manifest.json' }, Buffer.from('[{"Config":"c.json"}]')],
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
      return await indexTar(fileSource(handle, bytes.length), new Set(['manifest.json']));
    } finally {
      await handle.close();
    }
  };

  it('lists entries (long names included), keeps the asked-for file and finds the end marker', async () => {
    // The long name travels in a PAX header (type 'x'), as Go's archive/tar writes it too.
    expect([...archive].some((byte, at) => at % 512 === 156 && byte === 0x78)).toBe(true);
    const indexed = await indexFile(archive);
    expect(indexed.ok).toBe(true);
    if (!indexed.ok) return;
    expect([...indexed.value.names]).toEqual(['layers', 'layers/big.bin', longName, 'manifest.json']);
    expect(indexed.value.files.get('manifest.json')?.toString()).toBe('[{"Config":"c.json"}]');
    expect(indexed.value.files.has('layers/big.bin')).toBe(false);
    expect(archive.subarray(indexed.value.end).every((byte) => byte === 0)).toBe(true);
    expect(archive.subarray(indexed.value.end - 512, indexed.value.end).some((byte) => byte !== 0)).toBe(true);
  });

  it('reads the same index from a gzip stream', async () => {
    const stream = Readable.from([gzipSync(archive)]).pipe(createGunzip());
    const indexed = await indexTar(streamSource(stream), new Set(['manifest.json']));
    expect(indexed.ok && [...indexed.value.names]).toEqual(['layers', 'layers/big.bin', longName, 'manifest.json']);
  });

  it('calls an archive cut inside a body, a header or before the end marker truncated', async () => {
    for (const length of [2_000, 512 * 3 + 100, archive.length - 1024]) {
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
    expect(indexed.ok && indexed.value.names.has('manifest.json')).toBe(true);
  });
});
