import { hostname } from 'node:os';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isStale, processGone, readHolder } from './busy.js';

const BUSY = /^\.busy-.+\.json$/;
/** `.NAME.partial-PID-…` and `.NAME.previous-PID-…`, as save.ts names its temporary files. */
const TEMPORARY = /^\..+\.(?:partial|previous)-(\d+)-[0-9a-f]{12}$/;

/**
 * Run once when a process starts, before it saves anything: clears what a process that died
 * mid-save left in the exchange folder — busy locks whose process is gone (or that name this very
 * process, as after a container restart), and temporary files whose writer is gone. While another
 * machine holds a lock its temporary files cannot be told from ours, so then they stay.
 * Returns the names it removed.
 */
export async function clearLeftovers(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  const remove = async (name: string) => {
    await unlink(join(dir, name)).then(() => removed.push(name), () => undefined);
  };
  let elsewhere = false;
  for (const name of names.filter((each) => BUSY.test(each))) {
    const holder = await readHolder(join(dir, name));
    if (holder && isStale(holder, join(dir, name))) await remove(name);
    else if (holder?.machine !== hostname()) elsewhere = true;
  }
  if (elsewhere) return removed;
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1] ?? Number.NaN);
    if (Number.isSafeInteger(pid) && (pid === process.pid || processGone(pid))) await remove(name);
  }
  return removed;
}
