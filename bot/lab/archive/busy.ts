import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { codeOf } from '../../core/error-code.js';
import { fail, ok, type Result } from '../../core/result.js';

/** `lab.busy.save` / `lab.busy.load`: the host is taken by that action (one id each, so each reads naturally). */
export type BusyError = 'lab.busy.save' | 'lab.busy.load' | 'lab.busy.lock';

const holderSchema = z.object({
  action: z.enum(['save', 'load']),
  file: z.string(),
  who: z.string(),
  since: z.iso.datetime(),
  pid: z.number().int(),
  machine: z.string(),
});

/** Who holds a host's archive slot; what the second caller is told. */
export type Holder = z.infer<typeof holderSchema>;

export interface BusyRequest {
  readonly host: string;
  readonly action: Holder['action'];
  readonly file: string;
  readonly who: string;
}

/**
 * One save or load per host at a time, across processes: the Discord bot and a terminal
 * `gorae lab save` share the exchange folder, so the lock is a file there, created exclusively.
 * A lock left by a process that died on this machine is taken over.
 */
export async function acquireBusy(
  folder: string,
  request: BusyRequest,
  clock: Clock,
): Promise<Result<() => Promise<void>, BusyError>> {
  const path = join(folder, `.busy-${request.host}.json`);
  const holder: Holder = {
    action: request.action,
    file: request.file,
    who: request.who,
    since: clock.now().toISOString(),
    pid: process.pid,
    machine: hostname(),
  };
  // Written aside then hard-linked into place, so a reader never sees a half-written lock.
  const draft = `${path}.${randomBytes(6).toString('hex')}`;
  try {
    await writeFile(draft, JSON.stringify(holder), { mode: 0o640, flag: 'wx' });
  } catch (error) {
    return fail('lab.busy.lock', { host: request.host, reason: codeOf(error) });
  }
  try {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await link(draft, path);
        held.add(path);
        return ok(async () => {
          held.delete(path);
          await unlink(path).catch(() => undefined);
        });
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') return fail('lab.busy.lock', { host: request.host, reason: codeOf(error) });
      }
      const current = await readHolder(path);
      if (current && !isStale(current, path)) {
        return fail(`lab.busy.${current.action}`, {
          host: request.host,
          file: current.file,
          who: current.who,
          since: `${current.since.slice(0, 10)} ${current.since.slice(11, 16)} UTC`,
        });
      }
      await unlink(path).catch(() => undefined);
    }
    return fail('lab.busy.lock', { host: request.host, reason: 'EEXIST' });
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

/** The locks this process holds now: a lock naming this process's id and not among them is a previous life's. */
const held = new Set<string>();

export async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A lock is stale when its process is gone, or when it names this very process but was not taken
 * by it: a container restarted gets the same id and host name again. One from another machine is
 * only trusted.
 */
export function isStale(holder: Holder, path: string): boolean {
  if (holder.machine !== hostname()) return false;
  if (holder.pid === process.pid) return !held.has(path);
  return processGone(holder.pid);
}

/** No process of this id runs on this machine. */
export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return codeOf(error) === 'ESRCH';
  }
}
