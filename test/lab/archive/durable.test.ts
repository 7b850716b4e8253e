import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSink, placePair } from '../../../bot/lab/archive/durable.js';

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

describe('placing an archive and its companion', () => {
  const pair = async (name: string) => {
    const folder = await mkdtemp(join(dir, `${name}-`));
    await writeFile(join(folder, '.new.partial'), 'new archive');
    await writeFile(join(folder, '.new.sha256.partial'), 'new sum');
    return {
      folder,
      archive: { temporary: join(folder, '.new.partial'), target: join(folder, `${name}.tar`) },
      companion: { temporary: join(folder, '.new.sha256.partial'), target: join(folder, `${name}.tar.sha256`) },
      aside: join(folder, `.${name}.tar.previous`),
    };
  };

  it('puts the replaced archive back when the companion cannot follow it under --force', async () => {
    const { folder, archive, companion, aside } = await pair('forced');
    await writeFile(archive.target, 'precious');
    await mkdir(companion.target);
    await expect(placePair(archive, companion, true, aside)).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await readFile(archive.target, 'utf8')).toBe('precious');
    expect((await readdir(folder)).sort()).toEqual(['.new.sha256.partial', 'forced.tar', 'forced.tar.sha256']);
  });

  it('takes neither name from a file already there without --force, and both when they are free', async () => {
    const { folder, archive, companion, aside } = await pair('claimed');
    await writeFile(companion.target, 'someone else’s sum');
    expect(await placePair(archive, companion, false, aside)).toEqual({ ok: false, error: { id: 'lab.save.exists', vars: { file: 'claimed.tar.sha256' } } });
    expect(await readFile(companion.target, 'utf8')).toBe('someone else’s sum');
    expect((await readdir(folder)).sort()).toEqual(['.new.partial', '.new.sha256.partial', 'claimed.tar.sha256']);

    await rm(companion.target);
    expect(await placePair(archive, companion, false, aside)).toEqual({ ok: true, value: undefined });
    expect([await readFile(archive.target, 'utf8'), await readFile(companion.target, 'utf8')]).toEqual(['new archive', 'new sum']);
  });
});
