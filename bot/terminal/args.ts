import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { LANGS, type Lang } from '../core/lang.js';
import { fail, ok, type Result } from '../core/result.js';

export type ArgsError =
  | 'terminal.args.invalid'
  | 'terminal.args.option'
  | 'terminal.args.valueMissing'
  | 'terminal.args.valueUnexpected'
  | 'terminal.args.lang';

/**
 * node:util's errors in Gorae's words: only the option's name is taken from node's message (its
 * advice about `--` would confuse a person), the rest is Gorae's own text.
 */
function argsFailure(error: unknown) {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? '')?.[1];
  if (option && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return fail('terminal.args.option', { option });
  if (option && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return fail(/argument missing/.test(message ?? '') ? 'terminal.args.valueMissing' : 'terminal.args.valueUnexpected', { option });
  }
  return fail('terminal.args.invalid');
}

const langSchema = z.enum(LANGS);

/** node:util's strict parser, with its exceptions turned into translatable failures. */
export function parseCommandLine<const T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
): Result<ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>, ArgsError> {
  try {
    return ok(parseArgs({ args: [...args], options, allowPositionals: true, strict: true }));
  } catch (error) {
    return argsFailure(error);
  }
}

/**
 * `--lang X` or `--lang=X` anywhere on a command line: the first value given (undefined when there
 * is none), and the command line without any of them. The one reader of `--lang` that main and the
 * lab use before their own parsers run.
 */
export function takeLang(argv: readonly string[]): { readonly value: string | undefined; readonly rest: string[] } {
  let value: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const given = arg === '--lang' ? argv[++i] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : null;
    if (given === null) rest.push(arg);
    else value ??= given;
  }
  return { value, rest };
}

export function parseLang(value: string | undefined): Result<Lang | undefined, ArgsError> {
  if (value === undefined) return ok(undefined);
  const parsed = langSchema.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail('terminal.args.lang', { value });
}
