import { PassThrough } from 'node:stream';
import type { Lang } from '../../bot/core/lang.js';
import { createI18n } from '../../bot/i18n.js';
import { createAsker } from '../../bot/knowledge/asker.js';
import { createFeedback } from '../../bot/knowledge/feedback.js';
import type { Gap, GapLog } from '../../bot/knowledge/gaps.js';
import type { TerminalDeps } from '../../bot/terminal/deps.js';
import { realExplainer } from './catalogue.js';
import { realKnowledge } from './knowledge.js';

/** In-memory stdin, stdout and stderr, with what was written to the latter two so far. */
export function capturedStreams() {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { stdin, stdout, stderr, out: () => out, err: () => err };
}

/** Terminal deps wired to in-memory streams and gap log, with the real knowledge base. */
export async function terminalHarness(options: { uiLang?: Lang; input?: string[]; columns?: number; tty?: boolean } = {}) {
  const [knowledge, explainer] = await Promise.all([realKnowledge(), realExplainer()]);
  const gaps: Gap[] = [];
  const gapLog: GapLog = { record: async (gap) => void gaps.push(gap), recent: async (n, keep = () => true) => gaps.filter(keep).slice(-n).reverse() };
  const clock = { now: () => new Date('2026-11-22T10:00:00Z') };
  const { stdin, stdout, stderr, out, err } = capturedStreams();
  // A terminal's width, as a TTY's stdout reports it.
  if (options.columns) Object.assign(stdout, { columns: options.columns });
  // Typed at a terminal: all of `input` then arrives at once, as a paste does.
  if (options.tty) Object.assign(stdin, { isTTY: true });
  if (options.input) stdin.end(options.input.map((line) => `${line}\n`).join(''));
  const deps: TerminalDeps = {
    i18n: createI18n(),
    uiLang: options.uiLang ?? 'en',
    knowledge,
    ask: createAsker({ knowledge, gaps: gapLog, clock, onGapError: (error) => { throw error; } }),
    feedback: createFeedback({ gaps: gapLog, clock }),
    explainer,
    stdin,
    stdout,
    stderr,
  };
  return { deps, gaps, stdin, out, err };
}
