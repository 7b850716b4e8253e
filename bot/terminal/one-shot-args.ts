import type { Lang } from '../core/lang.js';
import { explain, translator } from '../i18n.js';
import { parseCommandLine, parseLang } from './args.js';
import type { TerminalDeps } from './deps.js';

/** What `gorae ask`, `explain` and `topic` each take besides their text: --lang, --json and --help. */
const OPTIONS = {
  lang: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export type OneShot =
  | { readonly run: true; readonly lang: Lang | undefined; readonly json: boolean; readonly positionals: readonly string[] }
  /** The command is over: its usage was printed (exit 0) or its arguments refused (exit 2, the reason on stderr). */
  | { readonly run: false; readonly exit: number };

/** Reads a one-shot command's options; a bad one is explained in the terminal's language and ends the command. */
export function readOneShot(args: readonly string[], deps: TerminalDeps): OneShot {
  const ui = translator(deps.i18n, deps.uiLang);
  const parsed = parseCommandLine(args, OPTIONS);
  if (!parsed.ok) return { run: false, exit: usageError(deps, explain(ui, parsed.error)) };
  const lang = parseLang(parsed.value.values.lang);
  if (!lang.ok) return { run: false, exit: usageError(deps, explain(ui, lang.error)) };
  if (parsed.value.values.help) {
    deps.stdout.write(`${ui('terminal:usage')}\n`);
    return { run: false, exit: 0 };
  }
  return { run: true, lang: lang.value, json: parsed.value.values.json, positionals: parsed.value.positionals };
}

/** A refused command line: the reason on stderr, exit code 2. */
export function usageError(deps: TerminalDeps, message: string): number {
  deps.stderr.write(`${message}\n`);
  return 2;
}
