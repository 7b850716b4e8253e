import type { Lang } from '../core/lang.js';
import { explanationLang } from '../explain/explainer.js';
import { translator } from '../i18n.js';
import type { TerminalDeps } from './deps.js';
import { readOneShot, usageError } from './one-shot-args.js';
import { explanationJson, renderExplanation } from './render-explanation.js';
import { paintFor } from './style.js';

/**
 * `gorae explain [--lang ko|en] [--json] "docker run …"`. Gorae's options come first; from the first
 * other word on (or after `--`) everything is the command, quoted or not, so its own options (`-d`,
 * `--rm`) never reach Gorae's parser. Exit 1 when the text holds no command.
 */
export function runExplainCommand(args: readonly string[], deps: TerminalDeps): number {
  const start = commandStart(args);
  const options = readOneShot(args.slice(0, start), deps);
  if (!options.run) return options.exit;
  const text = args.slice(args[start] === '--' ? start + 1 : start).join(' ').trim();
  if (!text) return usageError(deps, translator(deps.i18n, deps.uiLang)('terminal:explain.empty'));
  const { output, explained } = explanationOutput(deps, text, options.lang, options.json);
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
