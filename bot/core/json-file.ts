import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { checkedData, type FileFailures } from './yaml-files.js';
import { fail, ok, type Result } from './result.js';

/**
 * A JSON file a folder may hold (a trained model), checked against its schema: `undefined` when the
 * folder has none; a problem names the file, the field and why.
 */
export async function readOptionalJson<T, Unreadable extends string, Invalid extends string>(
  file: string,
  schema: z.ZodType<T>,
  failures: FileFailures<Unreadable, Invalid>,
): Promise<Result<T | undefined, Unreadable | Invalid>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(undefined);
    return fail(failures.unreadable, { file, reason: (error as Error).message });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(failures.invalid, { file, field: '(json)', reason: (error as Error).message });
  }
  return checkedData(file, data, schema, failures.invalid);
}
