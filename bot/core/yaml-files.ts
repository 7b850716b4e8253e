import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { z } from 'zod';
import { fail, ok, type Result } from './result.js';

/** The two ways a data file can be refused: it cannot be read, or it is not what its schema says. */
export interface FileFailures<Unreadable extends string, Invalid extends string> {
  readonly unreadable: Unreadable;
  readonly invalid: Invalid;
}

/** One YAML file checked against its schema; a problem names the file, the field and why. */
export async function readYamlFile<T, Invalid extends string>(file: string, schema: z.ZodType<T>, invalid: Invalid): Promise<Result<T, Invalid>> {
  let data: unknown;
  try {
    // The YAML 1.2 core schema: a date-like value stays a string, as the schemas expect.
    data = load(await readFile(file, 'utf8'), { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    return fail(invalid, { file, field: '(yaml)', reason: (error as Error).message.split('\n')[0] ?? '' });
  }
  return checkedData(file, data, schema, invalid);
}

/** Parsed data of a file checked against its schema; a problem names the file, the first field and why. */
export function checkedData<T, Invalid extends string>(file: string, data: unknown, schema: z.ZodType<T>, invalid: Invalid): Result<T, Invalid> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(invalid, { file, field: issue.path.join('.') || '(root)', reason: issue.message });
  }
  return ok(parsed.data);
}

/** Every `*.yaml` in a folder, in name order, each checked against the schema; the first problem stops. */
export async function readYamlFolder<T, Unreadable extends string, Invalid extends string>(
  dir: string,
  schema: z.ZodType<T>,
  failures: FileFailures<Unreadable, Invalid>,
): Promise<Result<Array<{ readonly name: string; readonly file: string; readonly value: T }>, Unreadable | Invalid>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  } catch (error) {
    return fail(failures.unreadable, { file: dir, reason: (error as Error).message });
  }
  // Read all at once: one after another, start-up spent most of loading 190 topics waiting on the disk.
  const files = names.map((name) => join(dir, name));
  const values = await Promise.all(files.map((file) => readYamlFile(file, schema, failures.invalid)));
  const read: Array<{ name: string; file: string; value: T }> = [];
  for (const [k, value] of values.entries()) {
    if (!value.ok) return value;
    read.push({ name: names[k]!, file: files[k]!, value: value.value });
  }
  return ok(read);
}
