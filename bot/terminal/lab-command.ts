import { hostname, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { i18n } from 'i18next';
import type { AuditLog } from '../audit.js';
import { EXIT, exitCodeOf } from '../core/exit-code.js';
import type { Lang } from '../core/lang.js';
import { explain, translator, type Translate } from '../i18n.js';
import type { SaveReport } from '../lab/archive/save.js';
import { argumentsOf, type LabInputError } from '../lab/actions.js';
import { auditTrail } from '../lab/audit-trail.js';
import { ALL_HOSTS } from '../lab/hosts.js';
import { isCancellation } from '../lab/cancellation.js';
import { loadSummary, planText, saveSummary } from '../lab/archive/report-text.js';
import { attemptedAction, parseLab } from '../lab/parse.js';
import { runLab, unansweredOf, type LabOutcome, type LabServices } from '../lab/run.js';
import { unansweredDetails } from '../lab/whole-lab.js';
import { takeLang } from './args.js';
import { progressBar } from './progress-bar.js';
import { confirms } from './confirms.js';

/** What `gorae lab` needs from main: the lab services, who is at the keyboard, and the streams. */
export interface LabCommandDeps {
  readonly i18n: i18n;
  readonly uiLang: Lang;
  readonly lab: LabServices;
  /** Every attempt, refused ones included, is recorded here before anything runs. */
  readonly audit: AuditLog;
  /** Named to others in "busy" messages and in the audit log, e.g. "mina@lab-1". */
  readonly who: string;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** The person at this terminal as others see them in "busy" messages: `mina@lab-1`. */
export function terminalUser(env: NodeJS.ProcessEnv = process.env): string {
  let name = env.USER ?? 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry for this uid (common in containers): keep $USER.
  }
  return `${name}@${hostname()}`;
}

/** `gorae lab ps|images|save|load ...`: read like a chat line, into the action a slash command builds; the same core. Returns an exit code. */
export async function runLabCommand(argv: readonly string[], deps: LabCommandDeps): Promise<number> {
  const t = translator(deps.i18n, deps.uiLang);
  // `--lang` is main's option (it picks the UI language before this runs), not a lab option.
  const args = takeLang(argv).rest;
  // `gorae lab ps --help` as well as `gorae lab --help`: help wherever it is asked for, before any parsing.
  if (args.length === 0 || args[0] === 'help' || args.some((arg) => arg === '--help' || arg === '-h')) {
    deps.stdout.write(`${t('lab:cli.usage', { dir: deps.lab.exchange.dir })}\n`);
    return 0;
  }
  return runLabInput(args, deps, (question, signal) => readAnswer(deps, question, signal));
}

/** The audit trail of one attempt from the terminal: the action as parsed, or what it asked for and the words typed. */
function trailOf(input: string | readonly string[], parsed: ReturnType<typeof parseLab>, deps: LabCommandDeps) {
  const origin = { front: 'terminal', guild: null, channel: null, user: { id: deps.who, name: deps.who } } as const;
  const attempted = parsed.ok
    ? { action: parsed.value.action.action, arguments: argumentsOf(parsed.value.action) }
    : { action: attemptedAction(input), arguments: { input: typeof input === 'string' ? input : input.join(' ') } };
  return auditTrail(deps.audit, deps.lab.clock, origin, attempted);
}

/** Records a chat line naming a lab action that the chat answers instead of running (`ps -a | grep web`): refused, like any other attempt. */
export function auditRefusal(line: string, error: LabInputError, deps: LabCommandDeps) {
  return trailOf(line, parseLab(line), deps).refused(error);
}

/** Asks the person something and resolves with their line, or undefined when there is none. */
export type Answer = (question: string, signal: AbortSignal) => Promise<string | undefined>;

/**
 * One lab action from argv or a chat line (`docker ps -a`): parsed against the whitelist, audited
 * before it runs (no record, no action), run, and printed. Returns an exit code.
 */
export async function runLabInput(
  input: string | readonly string[],
  deps: LabCommandDeps,
  answer: Answer,
  interrupted?: AbortSignal,
): Promise<number> {
  const t = translator(deps.i18n, deps.uiLang);
  const parsed = parseLab(input);
  const trail = trailOf(input, parsed, deps);
  if (!parsed.ok) {
    const audited = await trail.refused(parsed.error.id);
    deps.stderr.write(`${explain(t, audited.ok ? parsed.error : audited.error)}\n`);
    return audited.ok ? EXIT.usage : EXIT.failed;
  }
  const started = await trail.started();
  if (!started.ok) {
    deps.stderr.write(`${explain(t, started.error)}\n`);
    return EXIT.failed;
  }

  const bar = progressBar(deps.stderr, (phase) => t(`lab:progress.${phase}`));
  // Ctrl+C, a kill, or the ssh session closing (SIGHUP) cancels a save or load cleanly, so neither a
  // temporary file nor the busy lock is left behind.
  const cancel = new AbortController();
  const interrupt = () => cancel.abort();
  for (const signal of STOPPING) process.once(signal, interrupt);
  // Inside the chat, readline takes Ctrl+C before the process sees it and passes it on as `interrupted`.
  interrupted?.addEventListener('abort', interrupt, { once: true });
  let outcome: Awaited<ReturnType<typeof runLab>>;
  try {
    outcome = await runLab(parsed.value.action, deps.lab, {
      who: deps.who,
      signal: cancel.signal,
      onProgress: bar.update,
      confirm: async (plan) => {
        bar.clear();
        deps.stdout.write(`${planText(t, plan)}\n`);
        const reply = await answer(t('lab:load.question', { host: plan.host }), cancel.signal);
        return confirms(reply, t);
      },
    });
  } catch (error) {
    await trail.finished('failed', { reason: 'exception', bytes: 0 });
    throw error;
  } finally {
    for (const signal of STOPPING) process.removeListener(signal, interrupt);
    interrupted?.removeEventListener('abort', interrupt);
    bar.clear();
  }
  if (!outcome.ok) {
    await trail.finished(isCancellation(outcome.error.id) ? 'cancelled' : 'failed', { reason: outcome.error.id, details: outcome.error.vars, bytes: 0 });
    deps.stderr.write(`${explain(t, outcome.error)}\n`);
    return exitCodeOf(outcome.error.id);
  }
  const finished = await trail.finished('ran', { bytes: bytesOf(outcome.value), details: unansweredDetails(unansweredOf(outcome.value)) });
  if (!finished.ok) deps.stderr.write(`${explain(t, finished.error)}\n`);
  const { action, json } = parsed.value;
  deps.stdout.write(`${outcomeText(t, outcome.value, json, action.action === 'load' && action.yes, deps.lab.exchange.dir)}\n`);
  const unanswered = unansweredText(t, outcome.value, deps.lab.engines.size);
  if (unanswered) deps.stderr.write(`${unanswered}\n`);
  return 0;
}

/** Under a table of every host: the hosts that did not answer, each with its reason. */
function unansweredText(t: Translate, outcome: LabOutcome, total: number): string | undefined {
  const unanswered = unansweredOf(outcome);
  if (unanswered.length === 0) return undefined;
  const heading = t('lab:everyHost.unanswered', { failed: unanswered.length, total });
  return [heading, ...unanswered.map((failure) => `  ${failure.vars?.host}: ${explain(t, failure)}`)].join('\n');
}

const STOPPING = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const bytesOf = (outcome: LabOutcome): number => (outcome.action === 'save' || outcome.action === 'load' ? outcome.report.bytes : 0);

function outcomeText(t: Translate, outcome: LabOutcome, json: boolean, confirmedUpFront: boolean, folder: string): string {
  switch (outcome.action) {
    case 'ps':
    case 'images':
      // Like `docker ps --format json`: one object per line, easy to pipe into jq, every value whole.
      return json ? outcome.rows.map((row) => JSON.stringify(outcome.host === ALL_HOSTS ? { host: row.host, ...row.record } : row.record)).join('\n') : outcome.table.text;
    case 'save':
      return saveText(t, outcome.report, folder);
    case 'load':
      // Without --yes the plan was shown with the question already.
      return confirmedUpFront ? `${planText(t, outcome.report)}\n${loadSummary(t, outcome.report)}` : loadSummary(t, outcome.report);
  }
}

/** The terminal also names the folder the file went to, by its full path, so it can be found and carried. */
function saveText(t: Translate, report: SaveReport, folder: string): string {
  const { done, details } = saveSummary(t, report);
  const [images, ...rest] = details;
  return [done, images, t('lab:save.folder', { dir: resolve(folder) }), ...rest].map((line, i) => (i === 0 ? line : `  ${line}`)).join('\n');
}

/** One line from the keyboard (or a pipe); no answer at all (stdin closed, Ctrl+C) is undefined. */
async function readAnswer(deps: LabCommandDeps, question: string, signal: AbortSignal): Promise<string | undefined> {
  const lines = createInterface({ input: deps.stdin, terminal: false });
  const stop = () => lines.close();
  signal.addEventListener('abort', stop, { once: true });
  deps.stdout.write(question);
  try {
    for await (const line of lines) return line;
    return undefined;
  } finally {
    signal.removeEventListener('abort', stop);
    lines.close();
    if (deps.stdin.isTTY !== true) deps.stdout.write('\n');
  }
}
