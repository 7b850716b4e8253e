import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSink } from '../../../bot/lab/archive/durable.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gorae-durable-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the archive file sink', () => {
  it('writes every chunk in order and says after each write how long the file is and which buffers it took', async () => {
    const chunks = Array.from({ length: 40 }, (_, index) => randomBytes(50_000 + index));
    const handle = await open(join(dir, 'sink.tar'), 'wx+');
    const lengths: number[] = [];
    const taken: Buffer[] = [];
    try {
      const file = fileSink(handle, {
        flushBytes: 256 << 10,
        onWritten: (bytes, buffers) => {
          lengths.push(bytes);
          taken.push(...buffers);
        },
      });
      await pipeline(Readable.from(chunks), file.sink);
      await file.settled();
      const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      expect(file.written()).toBe(total);
      expect(lengths.at(-1)).toBe(total);
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
      expect(taken).toHaveLength(chunks.length);
      expect(taken.every((buffer, index) => buffer === chunks[index])).toBe(true);
    } finally {
      await handle.close();
    }
    expect((await readFile(join(dir, 'sink.tar'))).equals(Buffer.concat(chunks))).toBe(true);
  });
});
