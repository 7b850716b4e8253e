import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { LANGS, type Lang } from '../core/lang.js';
import { fail, ok, type Result } from '../core/result.js';

export type ArgsError = 'terminal.args.invalid' | 'terminal.args.lang';

const langSchema = z.enum(LANGS);

/** node:util's strict parser, with its exceptions turned into translatable failures. */
export function parseCommandLine<const T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
): Result<ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>, ArgsError> {
  try {
    return ok(parseArgs({ args: [...args], options, allowPositionals: true, strict: true }));
  } catch (error) {
    return fail('terminal.args.invalid', { reason: (error as Error).message });
  }
}

export function parseLang(value: string | undefined): Result<Lang | undefined, ArgsError> {
  if (value === undefined) return ok(undefined);
  const parsed = langSchema.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail('terminal.args.lang', { value });
}
