import { createInterface } from 'node:readline';
import type { Lang } from '../core/lang.js';
import { isPastedText } from '../knowledge/pasted-text.js';
import { explanationLang } from '../explain/explainer.js';
import { translator } from '../i18n.js';
import type { Outcome } from '../knowledge/outcome.js';
import { explanationOutput } from './explain-command.js';
import { readOneShot, separateQuestion, usageError } from './one-shot-args.js';
import { outcomeJson, renderOutcome } from './render-outcome.js';
import { paintFor } from './style.js';
import type { TerminalDeps } from './deps.js';

/** `gorae ask "QUESTION" [--lang ko|en] [--json]`, or one question per line from a pipe. */
export async function runAskCommand(args: readonly string[], deps: TerminalDeps): Promise<number> {
  const { options: own, words } = separateQuestion(args);
  const options = readOneShot(own, deps);
  if (!options.run) return options.exit;
  const { lang, json } = options;
  const question = words.join(' ').trim();
  // A pasted error message or printed line is nobody's language: answered in the terminal's, as the chat does.
  const pastedLang = (text: string): Lang | undefined =>
    isPastedText(deps.knowledge, text) ? explanationLang(text, deps.uiLang) : undefined;
  // A question holding a Docker command is answered with its explanation, before any topic search.
  const answer = async (text: string, via: string): Promise<void> => {
    if (deps.explainer.holdsCommand(text)) deps.stdout.write(`${explanationOutput(deps, text, lang, json).output}\n`);
    else write(deps, await deps.ask(text, { ...forced(lang ?? pastedLang(text)), via }), json);
  };

  if (question) {
    await answer(question, 'terminal');
    return 0;
  }
  // `gorae ask ""` asked nothing; with no words at all, the questions come from a pipe.
  if (deps.stdin.isTTY || words.length > 0) return usageError(deps, translator(deps.i18n, deps.uiLang)('terminal:args.empty'));
  const lines = createInterface({ input: deps.stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (!line.trim()) continue;
    if (!json && !first) deps.stdout.write('\n');
    first = false;
    await answer(line.trim(), 'terminal-batch');
  }
  return 0;
}

const forced = (lang: Lang | undefined) => (lang ? { lang } : {});

function write(deps: TerminalDeps, outcome: Outcome, json: boolean): void {
  const t = translator(deps.i18n, outcome.lang);
  if (json) deps.stdout.write(`${JSON.stringify(outcomeJson(outcome, t))}\n`);
  else deps.stdout.write(`${renderOutcome(outcome, t, paintFor(deps.stdout), deps.knowledge, deps.stdout.columns)}\n`);
}
