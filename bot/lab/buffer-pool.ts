/**
 * Fixed-size buffers that go round instead of being allocated for every megabyte streamed: each new
 * buffer counts as external memory, and V8 answers ~320 MB of them with a dozen full collections on
 * the event loop (~0.15 s per save, measured). Whoever finishes with a buffer gives it back; one
 * that is never given back is simply collected.
 */
export class BufferPool {
  /** The size every streaming stage works in: few enough chunks that per-chunk costs vanish. */
  static readonly SIZE = 1 << 20;
  /** Enough to cover what the stages between the engine and the disk hold at once. */
  static readonly KEPT = 16;

  /** Buffers that go round a stream whose last stage gives them back. */
  static forStream(): BufferPool {
    return new BufferPool(BufferPool.SIZE, BufferPool.KEPT);
  }

  /** New buffers every time, for a stream whose reader keeps them. */
  static unkept(): BufferPool {
    return new BufferPool(BufferPool.SIZE, 0);
  }

  readonly #spare: Buffer[] = [];
  readonly #ours = new WeakSet<ArrayBufferLike>();

  constructor(
    readonly size: number,
    private readonly keep: number,
  ) {}

  take(): Buffer {
    const buffer = this.#spare.pop() ?? Buffer.allocUnsafeSlow(this.size);
    this.#ours.add(buffer.buffer);
    return buffer;
  }

  /** `buffer` (or a view of one) is no longer read by anyone; anything not taken from here is ignored. */
  give(buffer: Buffer): void {
    if (!this.#ours.has(buffer.buffer) || this.#spare.length >= this.keep) return;
    this.#ours.delete(buffer.buffer);
    this.#spare.push(Buffer.from(buffer.buffer, 0, this.size));
  }
}
