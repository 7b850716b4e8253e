import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { languageOf, type Lang } from '../../bot/core/lang.js';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import type { Outcome } from '../../bot/knowledge/outcome.js';

const evalDir = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));

/** One labelled question. `topic: null` marks a Docker question no topic covers yet; `docker: false` a non-Docker one. */
export interface Labelled {
  readonly q: string;
  readonly topic: string | null;
  readonly docker: boolean;
  /** notes, everyday or error for the real set; the question's kind (ko, typo, near…) for the development set. */
  readonly group: string;
  readonly lang: Lang;
  readonly src?: string;
  /** Other topics that answer it as well, as two judges found independently (the fixtures' `also`). */
  readonly also?: readonly string[];
}

/** Whether answering with topic `id` gives the asker what they need. */
export const accepts = (item: Labelled, id: string | undefined): boolean => id !== undefined && (id === item.topic || (item.also ?? []).includes(id));

const devFile = z.object({
  in_scope: z.array(z.object({ q: z.string().min(1), topic: z.string(), kind: z.string() })).default([]),
  out_of_scope: z.array(z.object({ q: z.string().min(1), kind: z.enum(['near', 'general']) })).default([]),
});

const realFile = z.object({
  questions: z
    .array(
      z.object({
        q: z.string().min(1),
        topic: z.string(),
        also: z.array(z.string().min(1)).default([]),
        scope: z.enum(['notes', 'everyday']),
        src: z.string().min(1),
      }),
    )
    .default([]),
  non_docker: z.array(z.object({ q: z.string().min(1), src: z.string().min(1) })).default([]),
});

const errorsFile = z.object({
  errors: z.array(z.object({ text: z.string().min(1), topic: z.string(), src: z.string().min(1) })),
});

const yamlIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(dir, name));

const read = (file: string): unknown => parse(readFileSync(file, 'utf8'));
const labelOf = (topic: string): string | null => (topic === 'none' ? null : topic);

const REAL_PREFIX = 'real ';

/** Real questions copied from where people ask, grouped by scope (`prefix` tells the development set's apart). */
function readReal(dir: string, prefix = ''): Labelled[] {
  const items: Labelled[] = [];
  for (const file of yamlIn(dir).filter((name) => !name.endsWith('errors.yaml'))) {
    const set = realFile.parse(read(file));
    for (const item of set.questions) {
      items.push({ q: item.q, topic: labelOf(item.topic), docker: true, group: `${prefix}${item.scope}`, lang: languageOf(item.q), src: item.src, also: item.also });
    }
    for (const item of set.non_docker) items.push({ q: item.q, topic: null, docker: false, group: `${prefix}non-docker`, lang: languageOf(item.q), src: item.src });
  }
  return items;
}

/**
 * The development set: tuned on freely. `questions.yaml` and `dev/` were written by us; `dev-real/`
 * holds real questions from other pages than the test set's.
 */
export function readDevSet(dir = evalDir): Labelled[] {
  const items: Labelled[] = [];
  for (const file of [join(dir, 'questions.yaml'), ...yamlIn(join(dir, 'dev'))]) {
    const set = devFile.parse(read(file));
    for (const item of set.in_scope) items.push({ q: item.q, topic: item.topic, docker: true, group: item.kind, lang: languageOf(item.q) });
    for (const item of set.out_of_scope) items.push({ q: item.q, topic: null, docker: false, group: item.kind, lang: languageOf(item.q) });
  }
  return [...items, ...readReal(join(dir, 'dev-real'), REAL_PREFIX), ...readErrors(join(dir, 'dev-real'), REAL_PREFIX)];
}

/** Whether a development question was copied from where people ask (`dev-real/`), not written by us. */
export const isReal = (item: Labelled): boolean => item.group.startsWith(REAL_PREFIX);

/** A real development question whose answer the confidence decides: pasted errors are found by their text instead. */
export const isRealQuestion = (item: Labelled): boolean => isReal(item) && item.group !== `${REAL_PREFIX}error`;

/** The held-out test set of real questions and pasted errors: measured, never tuned on. */
export function readTestSet(dir = evalDir): Labelled[] {
  const real = join(dir, 'real');
  return [...readReal(real), ...readErrors(real)];
}

/** Real pasted error messages (`errors.yaml`), with or without the asker's words around them. */
function readErrors(dir: string, prefix = ''): Labelled[] {
  return errorsFile.parse(read(join(dir, 'errors.yaml'))).errors.map((item) => ({ q: item.text, topic: labelOf(item.topic), docker: true, group: `${prefix}error`, lang: languageOf(item.text), src: item.src }));
}

/** What the asker met: an answer (right or wrong), "did you mean" with or without the right topic first, or "I don't know". */
export type Verdict = 'right' | 'wrong' | 'suggest-first' | 'suggest-other' | 'unknown';

export function verdictOf(outcome: Outcome, item: Labelled): Verdict {
  if (outcome.status === 'answer') return accepts(item, outcome.topic.id) ? 'right' : 'wrong';
  if (outcome.status === 'suggest') return accepts(item, outcome.suggestions[0]?.id) ? 'suggest-first' : 'suggest-other';
  return 'unknown';
}

export const describeOutcome = (outcome: Outcome): string =>
  outcome.status === 'answer'
    ? `answer ${outcome.topic.id} (${outcome.score})`
    : outcome.status === 'suggest'
      ? `suggest ${outcome.suggestions.map((topic) => topic.id).join(', ')} (${outcome.score})`
      : `unknown (${outcome.score})`;

export interface Tally {
  /**
   * Questions whose topic exists: how each was met; `firstLabel` counts answers with the labelled
   * topic itself, not one of `also`, and `listed` the "did you mean" lists that hold a right topic
   * anywhere, first or further down.
   */
  readonly answerable: Record<Verdict, number> & { total: number; firstLabel: number; listed: number };
  /** Docker questions no topic covers, and non-Docker questions: how many got an answer anyway. */
  readonly uncovered: { total: number; answered: number };
  readonly nonDocker: { total: number; answered: number };
}

export interface Miss {
  readonly item: Labelled;
  readonly verdict: Verdict;
  readonly got: string;
}

const emptyTally = (): Tally => ({
  answerable: { total: 0, right: 0, wrong: 0, 'suggest-first': 0, 'suggest-other': 0, unknown: 0, firstLabel: 0, listed: 0 },
  uncovered: { total: 0, answered: 0 },
  nonDocker: { total: 0, answered: 0 },
});

export interface Evaluation {
  readonly all: Tally;
  /** Per language ("lang en", "lang ko") and per group ("notes", "everyday", "error", "near", a kind…). */
  readonly by: ReadonlyMap<string, Tally>;
  readonly misses: readonly Miss[];
}

/** Asks every question and counts what a user would have met. Topics a label names but the base lacks count as uncovered. */
export function evaluate(knowledge: Knowledge, items: readonly Labelled[]): Evaluation {
  const all = emptyTally();
  const by = new Map<string, Tally>();
  const misses: Miss[] = [];
  const tallies = (item: Labelled): Tally[] => {
    const keys = [`lang ${item.lang}`, item.group];
    return [all, ...keys.map((key) => by.get(key) ?? by.set(key, emptyTally()).get(key)!)];
  };
  for (const item of items) {
    const outcome = knowledge.ask(item.q);
    const answered = outcome.status === 'answer';
    if (!item.docker) {
      for (const tally of tallies(item)) {
        tally.nonDocker.total++;
        if (answered) tally.nonDocker.answered++;
      }
      if (answered) misses.push({ item, verdict: 'wrong', got: describeOutcome(outcome) });
      continue;
    }
    if (item.topic === null || !knowledge.topic(item.topic)) {
      for (const tally of tallies(item)) {
        tally.uncovered.total++;
        if (answered) tally.uncovered.answered++;
      }
      continue;
    }
    const verdict = verdictOf(outcome, item);
    const listed = outcome.status === 'suggest' && outcome.suggestions.some((topic) => accepts(item, topic.id));
    for (const tally of tallies(item)) {
      tally.answerable.total++;
      tally.answerable[verdict]++;
      if (outcome.status === 'answer' && outcome.topic.id === item.topic) tally.answerable.firstLabel++;
      if (listed) tally.answerable.listed++;
    }
    if (verdict !== 'right') misses.push({ item, verdict, got: describeOutcome(outcome) });
  }
  return { all, by, misses };
}

export const share = (count: number, total: number): number => (total === 0 ? 0 : count / total);
