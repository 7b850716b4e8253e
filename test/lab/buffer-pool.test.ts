import { describe, expect, it } from 'vitest';
import { BufferPool } from '../../bot/lab/buffer-pool.js';

describe('the buffer pool', () => {
  it('hands out a piece again once it is given back, whole even when a view of it comes back', () => {
    const pieces = new BufferPool(1024, 4);
    const first = pieces.take();
    expect(first.length).toBe(1024);
    pieces.give(first.subarray(0, 10));
    const again = pieces.take();
    expect(again.buffer).toBe(first.buffer);
    expect(again.length).toBe(1024);
  });

  it('ignores buffers it never handed out, and a piece given back twice', () => {
    const pieces = new BufferPool(1024, 4);
    pieces.give(Buffer.alloc(1024));
    const piece = pieces.take();
    pieces.give(piece);
    pieces.give(piece);
    const one = pieces.take();
    const two = pieces.take();
    expect(one.buffer).toBe(piece.buffer);
    expect(two.buffer).not.toBe(piece.buffer);
  });

  it('keeps no more spare pieces than it was told, and none at all when told none', () => {
    const kept = new BufferPool(16, 2);
    const taken = [kept.take(), kept.take(), kept.take()];
    for (const piece of taken) kept.give(piece);
    const reused = [kept.take(), kept.take(), kept.take()].filter((piece) => taken.some((old) => old.buffer === piece.buffer));
    expect(reused).toHaveLength(2);

    const none = new BufferPool(16, 0);
    const piece = none.take();
    none.give(piece);
    expect(none.take().buffer).not.toBe(piece.buffer);
  });
});
