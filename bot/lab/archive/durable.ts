import { writev } from 'node:fs';
import { access, link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { Writable } from 'node:stream';
import { codeOf } from '../../core/error-code.js';
import { fail, ok, type Result } from '../../core/result.js';

/**
 * Writes a stream into `handle` from its first byte. Every `flushBytes` it asks the disk to write
 * out what it has so far while the stream goes on, so the final fsync waits for one slice, not the
 * whole file; after each write `onWritten` hears how long the file is now.
 */
export function fileSink(
  handle: FileHandle,
  how: {
    readonly flushBytes: number;
    /** After each write: how long the file is now, and the buffers it took (free for reuse). */
    readonly onWritten: (bytes: number, chunks: readonly Buffer[]) => void;
  },
): { sink: Writable; written: () => number; settled: () => Promise<void> } {
  const { flushBytes, onWritten } = how;
  let position = 0;
  let since = 0;
  let flushing: Promise<void> = Promise.resolve();
  const writeAll = (chunks: Buffer[], done: (error?: Error | null) => void, taken: Buffer[] = chunks): void =>
    writev(handle.fd, chunks, position, (error, bytes) => {
      if (error) return done(error);
      position += bytes;
      since += bytes;
      const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      // A short write (rare, on a nearly full disk) goes on with what is left.
      if (bytes < total) return writeAll(rest(chunks, bytes), done, taken);
      if (since >= flushBytes) {
        since = 0;
        // A failed flush is not this stage's to report: the final fsync repeats it and fails loudly.
        flushing = flushing.then(() => handle.datasync().catch(() => undefined));
      }
      onWritten(position, taken);
      done();
    });
  // Whatever arrived while a write was under way goes in the next one, in one call.
  const sink = new Writable({
    highWaterMark: 1 << 20,
    writev: (pieces, done) => writeAll(pieces.map((piece) => piece.chunk as Buffer), done),
  });
  return { sink, written: () => position, settled: () => flushing };
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** Without `--force`, a hard link claims the name atomically: a file that appeared meanwhile wins. */
export async function commit(temporary: string, target: string, force: boolean): Promise<Result<void, 'lab.save.exists'>> {
  if (force) {
    await rename(temporary, target);
    return ok(undefined);
  }
  const exists = fail('lab.save.exists', { file: basename(target) });
  try {
    await link(temporary, target);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return exists;
    if (!NO_HARD_LINKS.has(codeOf(error))) throw error;
    // A folder on a file system without hard links: check, then rename (a narrow race remains).
    if (await access(target).then(() => true, () => false)) return exists;
    await rename(temporary, target);
  }
  return ok(undefined);
}

/** A finished file and the name it is to have. */
export interface Placement {
  readonly temporary: string;
  readonly target: string;
}

/**
 * Gives an archive and its companion their names, both or neither. An archive `--force` replaces
 * is kept aside (hard-linked to `aside`) until the companion is in place too, and put back if the
 * companion cannot follow; without `--force` neither name is taken from a file already there.
 */
export async function placePair(
  archive: Placement,
  companion: Placement,
  force: boolean,
  aside: string,
): Promise<Result<void, 'lab.save.exists'>> {
  const kept = force && (await link(archive.target, aside).then(() => true, () => false));
  const undo = () => (kept ? rename(aside, archive.target) : unlink(archive.target).catch(() => undefined));
  try {
    const placed = await commit(archive.temporary, archive.target, force);
    if (!placed.ok) return placed;
    let beside: Result<void, 'lab.save.exists'>;
    try {
      beside = await commit(companion.temporary, companion.target, force);
    } catch (error) {
      await undo();
      throw error;
    }
    if (!beside.ok) await undo();
    return beside;
  } finally {
    if (kept) await unlink(aside).catch(() => undefined);
  }
}

export async function writeDurably(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx', 0o640);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The renames themselves survive a power cut only once the folder is synced too. */
export async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `chunks` without their first `bytes`. */
function rest(chunks: Buffer[], bytes: number): Buffer[] {
  const left: Buffer[] = [];
  let skip = bytes;
  for (const chunk of chunks) {
    if (skip >= chunk.length) {
      skip -= chunk.length;
      continue;
    }
    left.push(skip > 0 ? chunk.subarray(skip) : chunk);
    skip = 0;
  }
  return left;
}
