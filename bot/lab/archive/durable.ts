import { access, link, open, rename, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { codeOf } from '../../core/error-code.js';
import { fail, ok, type Result } from '../../core/result.js';

/**
 * A pass-through stage that asks the disk to write out what has been written so far every
 * `bytes`, while the stream goes on: a big archive's final fsync then waits for one slice, not all.
 */
export function flushEvery(handle: FileHandle, bytes: number): { stage: Transform; settled: () => Promise<void> } {
  let since = 0;
  let flushing: Promise<void> = Promise.resolve();
  const stage = new Transform({
    // As roomy as the stages around it: a 16 kB buffer would pause the engine's stream at every chunk.
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      since += chunk.length;
      if (since >= bytes) {
        since = 0;
        // A failed flush is not this stage's to report: the final fsync repeats it and fails loudly.
        flushing = flushing.then(() => handle.datasync().catch(() => undefined));
      }
      done(null, chunk);
    },
  });
  return { stage, settled: () => flushing };
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
