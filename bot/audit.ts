import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { codeOf } from './core/error-code.js';
import { fail, ok, type Result } from './core/result.js';

/** One line of the audit log. An `attempt` line is written before an action runs, its outcome after. */
export interface AuditEntry {
  readonly time: string;
  readonly attempt: string;
  readonly phase: 'attempt' | 'outcome';
  readonly front: 'discord' | 'terminal';
  readonly guild: string | null;
  readonly channel: string | null;
  readonly user: { readonly id: string; readonly name: string };
  readonly action: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly outcome: 'started' | 'ran' | 'refused' | 'failed' | 'cancelled';
  readonly reason?: string;
  readonly durationMs: number;
  readonly bytes: number;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<Result<void, 'lab.audit.unwritable'>>;
}

/** Appends and fsyncs each line before returning, so an action never runs unrecorded. */
export function fileAuditLog(path: string): AuditLog {
  let queue: Promise<unknown> = Promise.resolve();
  const write = async (entry: AuditEntry): Promise<Result<void, 'lab.audit.unwritable'>> => {
    try {
      await mkdir(dirname(path), { recursive: true });
      const file = await open(path, 'a', 0o600);
      try {
        await file.write(`${JSON.stringify(entry)}\n`);
        await file.sync();
      } finally {
        await file.close();
      }
      return ok(undefined);
    } catch (error) {
      return fail('lab.audit.unwritable', { path, reason: codeOf(error) });
    }
  };
  return {
    append(entry) {
      const result = queue.then(() => write(entry));
      queue = result;
      return result;
    },
  };
}
