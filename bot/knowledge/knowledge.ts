import { languageOf, type Lang } from '../core/lang.js';
import { ok, type Result } from '../core/result.js';
import { loadLexicon, lexiconFile, type Lexicon } from './lexicon.js';
import { loadTopics, type LoadError } from './load.js';
import type { AskOptions, Outcome } from './outcome.js';
import { ErrorPatterns } from './error-patterns.js';
import { TopicIndex, type Hit, type Reading } from './search.js';
import type { Topic } from './topic.js';

export interface Knowledge {
  readonly topics: readonly Topic[];
  topic(id: string): Topic | undefined;
  ask(question: string, options?: AskOptions): Outcome;
  complete(partial: string, lang: Lang, limit: number): Topic[];
}

/**
 * When to answer, suggest or admit not knowing, fitted on the development set (`npm run eval` shows
 * the curve). An answer needs a Docker question, nearly every content word known, and a best topic
 * clearly ahead of the next; close runners-up become "did you mean" suggestions.
 */
export interface Thresholds {
  readonly answerCoverage: number;
  /** How far the best topic's score must be ahead of the second's (a ratio). */
  readonly answerMargin: number;
  readonly answerScorePerTerm: number;
  /** Without a word that names Docker itself, the winner must be this much further ahead. */
  readonly topicalMarginFactor: number;
  readonly suggestCoverage: number;
  readonly suggestions: number;
  readonly suggestShare: number;
}

export const THRESHOLDS: Thresholds = {
  answerCoverage: 0.7,
  answerMargin: 1.5,
  answerScorePerTerm: 2.5,
  topicalMarginFactor: 1.5,
  suggestCoverage: 0.5,
  suggestions: 3,
  suggestShare: 0.45,
};

type Decision = { status: Outcome['status']; ids: string[]; score: number; basis: Basis };
export type Basis = 'error' | 'alias' | 'search' | 'no-signal' | 'none';

export function buildKnowledge(topics: readonly Topic[], lexicon: Lexicon, thresholds: Thresholds = THRESHOLDS): Knowledge {
  const index = new TopicIndex(topics, lexicon);
  const errors = new ErrorPatterns(topics);
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  const aliasOwner = aliasOwners(topics, index);

  const decide = (question: string): Decision => {
    const pasted = errors.match(question);
    if (pasted) return { status: 'answer', ids: [pasted.topic], score: pasted.weight, basis: 'error' };
    const reading = index.read(question);
    const hits = index.search(reading.terms);
    const top = hits[0];
    if (reading.words === 0 || !top) return { status: 'unknown', ids: [], score: 0, basis: 'none' };
    const score = round(top.score);
    if (reading.signal === 'none') return { status: 'unknown', ids: [], score, basis: 'no-signal' };
    const coverage = reading.coverage;
    const alias = aliasOwner.get(termKey(reading.terms));
    if (alias && coverage === 1) return { status: 'answer', ids: [alias], score, basis: 'alias' };
    const margin = top.score / (hits[1]?.score ?? top.score / 10);
    const evidence = top.score / Math.max(1, reading.terms.length);
    const clearWinner = margin >= thresholds.answerMargin * (reading.signal === 'core' ? 1 : thresholds.topicalMarginFactor);
    if (coverage >= thresholds.answerCoverage && clearWinner && evidence >= thresholds.answerScorePerTerm) {
      return { status: 'answer', ids: [top.id], score, basis: 'search' };
    }
    if (coverage < thresholds.suggestCoverage) return { status: 'unknown', ids: [], score, basis: 'search' };
    const ids = hits
      .filter((hit) => hit.score >= top.score * thresholds.suggestShare)
      .slice(0, thresholds.suggestions)
      .map((hit) => hit.id);
    return { status: 'suggest', ids, score, basis: 'search' };
  };

  return {
    topics,
    topic: (id) => byId.get(id),
    ask(question, options = {}) {
      const lang = options.lang ?? languageOf(question);
      const { status, ids, score } = decide(question);
      const found = ids.map((id) => byId.get(id)!);
      if (status === 'answer') return { status, lang, topic: found[0]!, score };
      if (status === 'suggest') return { status, lang, suggestions: found, score };
      return { status, lang, score };
    },
    complete(partial, lang, limit) {
      const hits = partial.trim() ? index.complete(partial).map((hit) => byId.get(hit.id)!) : [...topics];
      if (!partial.trim()) hits.sort((a, b) => a[lang].title.localeCompare(b[lang].title, lang));
      return hits.slice(0, limit);
    },
  };
}

/** Alias phrasings that read as exactly one topic's terms answer that topic without further doubt. */
function aliasOwners(topics: readonly Topic[], index: TopicIndex): Map<string, string> {
  const owners = new Map<string, string | null>();
  for (const topic of topics) {
    for (const alias of [...topic.en.aliases, ...topic.ko.aliases]) {
      const key = termKey(index.read(alias).terms);
      if (!key) continue;
      const owner = owners.get(key);
      owners.set(key, owner === undefined || owner === topic.id ? topic.id : null);
    }
  }
  return new Map([...owners].filter((entry): entry is [string, string] => entry[1] !== null));
}

const termKey = (terms: readonly string[]): string => [...new Set(terms)].sort().join(' ');
const round = (value: number): number => Math.round(value * 100) / 100;

/** Loads topics and the analyzer's lexicon from a knowledge folder and builds the index. */
export async function loadKnowledge(dir: string): Promise<Result<Knowledge, LoadError>> {
  const topics = await loadTopics(dir);
  if (!topics.ok) return topics;
  const lexicon = await loadLexicon(lexiconFile(dir));
  if (!lexicon.ok) return lexicon;
  return ok(buildKnowledge(topics.value, lexicon.value));
}

