import { Transform, type TransformCallback } from 'node:stream';
import { humanSize } from '../humanize.js';

/** What a long archive action reports while it runs. `total` is an estimate during a save. */
export interface Progress {
  readonly phase: 'save' | 'check' | 'load';
  readonly bytes: number;
  readonly total: number;
}

export type OnProgress = (progress: Progress) => void;

/** Reports are spaced at least this far apart: a terminal redraw or a Discord edit each time. */
export const PROGRESS_INTERVAL_MS = 250;

/** Counts bytes and calls `onProgress` at most every {@link PROGRESS_INTERVAL_MS}. */
export class ProgressCount {
  #bytes = 0;
  #last = 0;

  constructor(
    private readonly phase: Progress['phase'],
    private readonly total: number,
    private readonly onProgress?: OnProgress,
  ) {}

  get bytes(): number {
    return this.#bytes;
  }

  add(bytes: number): void {
    this.#bytes += bytes;
    const now = Date.now();
    if (this.onProgress && now - this.#last >= PROGRESS_INTERVAL_MS) {
      this.#last = now;
      this.onProgress({ phase: this.phase, bytes: this.#bytes, total: Math.max(this.total, this.#bytes) });
    }
  }
}

/**
 * A pass-through stage that counts bytes as {@link ProgressCount} does; `tap` sees every chunk (the
 * tail check of a save) without a copy. A Transform rather than an async generator: iterating a
 * stream concatenates its buffered chunks, which costs a copy of every byte.
 */
export class Meter extends Transform {
  readonly #count: ProgressCount;

  constructor(
    phase: Progress['phase'],
    total: number,
    onProgress?: OnProgress,
    private readonly tap?: (chunk: Buffer) => void,
  ) {
    super({ highWaterMark: 1 << 20 });
    this.#count = new ProgressCount(phase, total, onProgress);
  }

  get bytes(): number {
    return this.#count.bytes;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#count.add(chunk.length);
    this.tap?.(chunk);
    done(null, chunk);
  }
}

const BAR_CELLS = 24;

/** One line: `Saving  [██████░░░░░░]  52%  156MB / 300MB`. The label is already translated. */
export function progressLine(label: string, progress: Progress): string {
  const fraction = progress.total > 0 ? Math.min(1, progress.bytes / progress.total) : 0;
  const filled = Math.round(fraction * BAR_CELLS);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${label}  [${bar}] ${percent}  ${humanSize(progress.bytes)} / ${humanSize(progress.total)}`;
}
