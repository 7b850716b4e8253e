import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalArchive } from '../../../bot/lab/archive/canonical.js';
import { createEngine } from '../../../bot/lab/engine.js';
import { peekArchive } from '../../../bot/lab/archive/peek.js';
import { entriesOf, tarOf } from './archives.js';

const sha = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** A one-image archive in docker save's legacy layout, with `extra` entries no image uses. */
async function imageArchive(tags: string[], extra: Array<[string, Buffer]> = [], layerBytes = 4_096): Promise<Buffer> {
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, tags }));
  const layer = randomBytes(layerBytes);
  const layerName = `${sha(layer)}/layer.tar`;
  const manifest = [{ Config: `${sha(config)}.json`, RepoTags: tags, Layers: [layerName] }];
  return tarOf([
    [{ name: `${sha(layer)}/`, type: 'directory' }],
    [layerName, layer],
    [`${sha(layer)}/VERSION`, Buffer.from('1.0')],
    ...extra,
    [`${sha(config)}.json`, config],
    ['manifest.json', Buffer.from(JSON.stringify(manifest))],
    ['repositories', Buffer.from('{}')],
  ]);
}

describe('the archive the engine receives', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gorae-canonical-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const rewritten = async (path: string, change?: () => Promise<void>) => {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const peek = await peekArchive(handle, size);
      if (!peek.ok) throw new Error(peek.error.id);
      await change?.();
      const { gzip, reading, sha256 } = peek.value;
      const { archive, refusal } = canonicalArchive(handle, (await handle.stat()).size, { gzip, reading, expected: undefined, planned: sha256 });
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of archive) chunks.push(chunk as Buffer);
      } catch {
        return { refused: refusal()?.id };
      }
      return { bytes: Buffer.concat(chunks) };
    } finally {
      await handle.close();
    }
  };

  it('holds only the entries the images use, the manifest last, and never an unreferenced blob', async () => {
    // A gzip of 64 MB of zeros is 64 KB: unpacked into the engine's data root it was a disk-filling bomb.
    const zeros = `blobs/sha256/${'0'.repeat(64)}`;
    const path = join(dir, 'bomb.tar.gz');
    const archive = await imageArchive(['lab/exercise:3'], [[zeros, Buffer.alloc(64 << 20)]]);
    await pipeline(Readable.from([archive]), createGzip(), createWriteStream(path));
    const result = await rewritten(path);
    expect(result.bytes?.length).toBeLessThan(64 << 10);
    const names = (await entriesOf(result.bytes!)).map(([name]) => name);
    expect(names).toEqual([expect.stringMatching(/\/layer\.tar$/), expect.stringMatching(/^[0-9a-f]{64}\.json$/), 'manifest.json']);
  });

  it('breaks off when the file changes between the plan and the load, before any manifest is sent', async () => {
    const path = join(dir, 'swap.tar');
    await writeFile(path, await imageArchive(['lab/exercise:3']));
    const other = await imageArchive(['haproxy:3.2-alpine']);
    expect(await rewritten(path, () => writeFile(path, other))).toEqual({ refused: 'lab.load.changed' });
  });

  it('reaches an engine that reads slowly byte for byte, though its pieces are lent from memory read into again', async () => {
    // Three times the ring's 8 MB: every slot is read into again while the engine is still behind.
    const path = join(dir, 'large.tar');
    await writeFile(path, await imageArchive(['lab/exercise:3'], [], 24 << 20));
    const expected = createHash('sha256').update((await rewritten(path)).bytes!).digest('hex');
    let received: string | undefined;
    const socketPath = join(dir, 'slow.sock');
    const server = createServer(async (request, response) => {
      const hash = createHash('sha256');
      for await (const part of request) {
        hash.update(part as Buffer);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      received = hash.digest('hex');
      response.end(`${JSON.stringify({ stream: 'Loaded image: lab/exercise:3\n' })}\n`);
    });
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const peek = await peekArchive(handle, size);
      if (!peek.ok) throw new Error(peek.error.id);
      const engine = createEngine({ name: 'slow', kind: 'socket', socketPath }, 10_000);
      expect(engine.reportsSent).toBe(true);
      const { archive, refusal } = canonicalArchive(handle, size, { gzip: false, reading: peek.value.reading, expected: undefined, planned: undefined }, { lend: true });
      expect(await engine.importImages(archive, new AbortController().signal)).toEqual({ ok: true, value: ['Loaded image: lab/exercise:3'] });
      expect(refusal()).toBeUndefined();
      expect(received).toBe(expected);
    } finally {
      await handle.close();
      server.close();
    }
  });
});
