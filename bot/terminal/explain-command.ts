import type { Lang } from '../core/lang.js';
import { explanationLang } from '../explain/explainer.js';
import { explain, translator } from '../i18n.js';
import { parseCommandLine, parseLang } from './args.js';
import type { TerminalDeps } from './deps.js';
import { explanationJson, renderExplanation } from './render-explanation.js';
import { paintFor } from './style.js';

const OPTIONS = {
  lang: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * `gorae explain [--lang ko|en] [--json] "docker run …"`. Gorae's options come first; from the first
 * other word on (or after `--`) everything is the command, quoted or not, so its own options (`-d`,
 * `--rm`) never reach Gorae's parser. Exit 1 when the text holds no command.
 */
export function runExplainCommand(args: readonly string[], deps: TerminalDeps): number {
  const ui = translator(deps.i18n, deps.uiLang);
  const start = commandStart(args);
  const parsed = parseCommandLine(args.slice(0, start), OPTIONS);
  if (!parsed.ok) return usageError(deps, explain(ui, parsed.error));
  const forced = parseLang(parsed.value.values.lang);
  if (!forced.ok) return usageError(deps, explain(ui, forced.error));
  if (parsed.value.values.help) {
    deps.stdout.write(`${ui('terminal:usage')}\n`);
    return 0;
  }
  const text = args.slice(args[start] === '--' ? start + 1 : start).join(' ').trim();
  if (!text) return usageError(deps, ui('terminal:explain.empty'));
  const { output, explained } = explanationOutput(deps, text, forced.value, parsed.value.values.json);
  deps.stdout.write(`${output}\n`);
  return explained ? 0 : 1;
}

/** The explanation of `text` as the terminal prints it, or as one JSON line. */
export function explanationOutput(deps: TerminalDeps, text: string, forced: Lang | undefined, json: boolean): { output: string; explained: boolean } {
  const lang = forced ?? explanationLang(text, deps.uiLang);
  const explanation = deps.explainer.explain(text, lang);
  const t = translator(deps.i18n, lang);
  const output = json
    ? JSON.stringify(explanationJson(explanation))
    : renderExplanation(explanation, t, paintFor(deps.stdout), deps.knowledge, deps.stdout.columns);
  return { output, explained: explanation.status === 'explained' };
}

/** Where Gorae's own options end and the command begins. */
function commandStart(args: readonly string[]): number {
  let at = 0;
  while (at < args.length) {
    const arg = args[at]!;
    if (arg === '--lang') at += 2;
    else if (['--json', '--help', '-h'].includes(arg) || arg.startsWith('--lang=')) at += 1;
    else break;
  }
  return Math.min(at, args.length);
}

function usageError(deps: TerminalDeps, message: string): number {
  deps.stderr.write(`${message}\n`);
  return 2;
}
