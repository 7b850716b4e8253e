import { createInterface } from 'node:readline';
import type { Lang } from '../core/lang.js';
import { explain, translator } from '../i18n.js';
import type { Outcome } from '../knowledge/outcome.js';
import { parseCommandLine, parseLang } from './args.js';
import { explanationOutput } from './explain-command.js';
import { outcomeJson, renderOutcome } from './render-outcome.js';
import { paintFor } from './style.js';
import type { TerminalDeps } from './deps.js';

const OPTIONS = {
  lang: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** `gorae ask "QUESTION" [--lang ko|en] [--json]`, or one question per line from a pipe. */
export async function runAskCommand(args: readonly string[], deps: TerminalDeps): Promise<number> {
  const ui = translator(deps.i18n, deps.uiLang);
  const parsed = parseCommandLine(args, OPTIONS);
  if (!parsed.ok) return usageError(deps, explain(ui, parsed.error));
  const lang = parseLang(parsed.value.values.lang);
  if (!lang.ok) return usageError(deps, explain(ui, lang.error));
  if (parsed.value.values.help) {
    deps.stdout.write(`${ui('terminal:usage')}\n`);
    return 0;
  }
  const json = parsed.value.values.json;
  const question = parsed.value.positionals.join(' ').trim();
  // A question holding a Docker command is answered with its explanation, before any topic search.
  const answer = async (text: string, via: string): Promise<void> => {
    if (deps.explainer.holdsCommand(text)) deps.stdout.write(`${explanationOutput(deps, text, lang.value, json).output}\n`);
    else write(deps, await deps.ask(text, { ...forced(lang.value), via }), json);
  };

  if (question) {
    await answer(question, 'terminal');
    return 0;
  }
  if (deps.stdin.isTTY) return usageError(deps, ui('terminal:args.empty'));
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

function usageError(deps: TerminalDeps, message: string): number {
  deps.stderr.write(`${message}\n`);
  return 2;
}

