import type { Lang } from '../core/lang.js';
import { explanationLang } from '../explain/explainer.js';
import { translator } from '../i18n.js';
import type { TerminalDeps } from './deps.js';
import { readOneShot, separateQuestion, usageError } from './one-shot-args.js';
import { explanationJson, renderExplanation } from './render-explanation.js';
import { paintFor } from './style.js';

/**
 * `gorae explain [--lang ko|en] [--json] "docker run …"`. Gorae's options come first; from the first
 * other word on (or after `--`) everything is the command, quoted or not, so its own options (`-d`,
 * `--rm`) never reach Gorae's parser. Exit 1 when the text holds no command.
 */
export function runExplainCommand(args: readonly string[], deps: TerminalDeps): number {
  const start = commandStart(args);
  const command = args.slice(args[start] === '--' ? start + 1 : start);
  const after = args[start] === '--' ? undefined : optionsAfterQuoted(command);
  const options = readOneShot([...args.slice(0, start), ...(after ?? [])], deps);
  if (!options.run) return options.exit;
  const text = (after ? command.slice(0, 1) : command).join(' ').trim();
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

/**
 * A command quoted as one word is whole, so Gorae's options may follow it (`gorae explain "docker run
 * -d nginx" --lang ko`): the words after it, when they are all Gorae's options. Unquoted, they would
 * be the container's arguments.
 */
function optionsAfterQuoted(command: readonly string[]): string[] | undefined {
  const [first, ...after] = command;
  if (first === undefined || !/\s/u.test(first.trim()) || after.length === 0) return undefined;
  const { options, words } = separateQuestion(after);
  return words.length === 0 ? options : undefined;
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
