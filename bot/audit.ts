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
  /** What a failure named (its message's values): which tags a load moved unexpectedly, for one. */
  readonly details?: Readonly<Record<string, string | number>>;
  readonly durationMs: number;
  readonly bytes: number;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<Result<void, 'lab.audit.unwritable'>>;
}

/**
 * One entry as one line. JSON leaves U+2028 and U+2029 raw, and some readers take them for line
 * breaks; escaped, a line of the log is always a whole entry.
 */
export const auditLine = (entry: AuditEntry): string => `${JSON.stringify(entry).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}\n`;

/**
 * Appends and fsyncs each line before returning, so an action never runs unrecorded. A line that
 * cannot be written whole (a short write on a full disk) is cut off again and reported as a failure:
 * the log never ends in a torn line, and the action does not run.
 */
export function fileAuditLog(path: string): AuditLog {
  let queue: Promise<unknown> = Promise.resolve();
  const write = async (entry: AuditEntry): Promise<Result<void, 'lab.audit.unwritable'>> => {
    try {
      await mkdir(dirname(path), { recursive: true });
      const file = await open(path, 'a', 0o600);
      const start = (await file.stat()).size;
      try {
        const line = Buffer.from(auditLine(entry));
        for (let written = 0; written < line.length; ) {
          const { bytesWritten } = await file.write(line, written, line.length - written);
          if (bytesWritten === 0) throw Object.assign(new Error('no progress writing the audit line'), { code: 'ENOSPC' });
          written += bytesWritten;
        }
        await file.sync();
      } catch (error) {
        await file.truncate(start).then(() => file.sync()).catch(() => undefined);
        throw error;
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
