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

/**
 * Gorae's own options among `gorae ask`'s words, and the question the other words make: a quoted
 * "-it 옵션 뜻" asks about -it and is no option of Gorae's, and everything after `--` is the question.
 * Only OPTIONS written out count, and not help, which among a question's words is docker's
 * (`docker run -h myhost`); `gorae ask --help` alone is read before (main.ts).
 */
export function separateQuestion(args: readonly string[]): { readonly options: string[]; readonly words: string[] } {
  const options: string[] = [];
  const words: string[] = [];
  for (let at = 0; at < args.length; at += 1) {
    const arg = args[at]!;
    if (arg === '--') {
      words.push(...args.slice(at + 1));
      break;
    }
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : '';
    const own = name !== 'help' && Object.hasOwn(OPTIONS, name) ? OPTIONS[name as keyof typeof OPTIONS] : undefined;
    if (!own) words.push(arg);
    else if (own.type === 'string' && !arg.includes('=')) {
      // Its value is the word after it, whatever that word is.
      options.push(arg, ...args.slice(at + 1, at + 2));
      at += 1;
    } else options.push(arg);
  }
  return { options, words };
}

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
