import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashFollower, HashingReader } from '../../../bot/lab/archive/hash-thread.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gorae-follower-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the hashing thread', () => {
  it('gives the sha256 of a file it followed while the file was written piece by piece', async () => {
    const handle = await open(join(dir, 'growing.tar'), 'wx+');
    const follower = new HashFollower(handle.fd);
    const whole = randomBytes(9 << 20);
    try {
      for (let at = 0; at < whole.length; at += 1_000_003) {
        const piece = whole.subarray(at, at + 1_000_003);
        await handle.write(piece, 0, piece.length, at);
        follower.available(at + piece.length);
      }
      expect(await follower.digest(whole.length)).toBe(createHash('sha256').update(whole).digest('hex'));
    } finally {
      await follower.stop();
      await handle.close();
    }
  });

  it('hashes a finished file told complete at once', async () => {
    const whole = randomBytes(3 << 20);
    const handle = await open(join(dir, 'whole.tar'), 'wx+');
    await handle.write(whole, 0, whole.length, 0);
    const follower = new HashFollower(handle.fd);
    try {
      follower.available(whole.length);
      expect(await follower.digest(whole.length)).toBe(createHash('sha256').update(whole).digest('hex'));
    } finally {
      await follower.stop();
      await handle.close();
    }
  });

  it('fails, rather than give a digest, when the file is shorter than it was told', async () => {
    const handle = await open(join(dir, 'short.tar'), 'wx+');
    await handle.write(Buffer.alloc(100), 0, 100, 0);
    const follower = new HashFollower(handle.fd);
    try {
      await expect(follower.digest(200)).rejects.toThrow(/ended at 100 bytes/);
    } finally {
      await follower.stop();
      await handle.close();
    }
  });

  it('reads a file to its end in pieces and gives the sha256 of exactly the bytes it handed on', async () => {
    const whole = randomBytes((5 << 20) + 12_345);
    const handle = await open(join(dir, 'read.tar'), 'wx+');
    await handle.write(whole, 0, whole.length, 0);
    try {
      const reader = new HashingReader(handle.fd, 1 << 20);
      const pieces: Buffer[] = [];
      for await (const piece of reader) pieces.push(piece as Buffer);
      expect(pieces.length).toBe(6);
      expect(Buffer.concat(pieces).equals(whole)).toBe(true);
      expect(reader.sha256).toBe(createHash('sha256').update(whole).digest('hex'));
    } finally {
      await handle.close();
    }
  });
});
