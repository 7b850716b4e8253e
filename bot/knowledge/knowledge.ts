import { languageOf, type Lang } from '../core/lang.js';
import { ok, type Result } from '../core/result.js';
import { loadLexicon, lexiconFile, type Lexicon } from './lexicon.js';
import { loadTopics, type LoadError } from './load.js';
import type { AskOptions, Outcome } from './outcome.js';
import { TopicIndex, type Hit, type Reading } from './search.js';
import type { Topic } from './topic.js';

export interface Knowledge {
  readonly topics: readonly Topic[];
  topic(id: string): Topic | undefined;
  ask(question: string, options?: AskOptions): Outcome;
  complete(partial: string, lang: Lang, limit: number): Topic[];
}

/**
 * When to answer, suggest or admit not knowing. An answer needs nearly every content word of the
 * question to be known, a clear winner, and enough evidence; otherwise the top few become suggestions.
 */
export interface Thresholds {
  readonly answerCoverage: number;
  readonly answerMargin: number;
  readonly answerScorePerTerm: number;
  readonly suggestCoverage: number;
  readonly suggestions: number;
  readonly suggestShare: number;
}

export const THRESHOLDS: Thresholds = {
  answerCoverage: 0.8,
  answerMargin: 1.2,
  answerScorePerTerm: 2.5,
  suggestCoverage: 0.5,
  suggestions: 3,
  suggestShare: 0.45,
};

export function buildKnowledge(topics: readonly Topic[], lexicon: Lexicon, thresholds: Thresholds = THRESHOLDS): Knowledge {
  const index = new TopicIndex(topics, lexicon);
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  const aliasOwner = aliasOwners(topics, index);

  const decide = (reading: Reading, hits: Hit[]): { status: Outcome['status']; ids: string[]; score: number } => {
    const top = hits[0];
    if (reading.words === 0 || !top) return { status: 'unknown', ids: [], score: 0 };
    const coverage = reading.coverage;
    const score = round(top.score);
    const alias = aliasOwner.get(termKey(reading.terms));
    if (alias && coverage === 1) return { status: 'answer', ids: [alias], score };
    const margin = top.score / (hits[1]?.score ?? top.score / 10);
    const evidence = top.score / Math.max(1, reading.terms.length);
    if (
      !reading.outside &&
      coverage >= thresholds.answerCoverage &&
      margin >= thresholds.answerMargin &&
      evidence >= thresholds.answerScorePerTerm
    ) {
      return { status: 'answer', ids: [top.id], score };
    }
    if (coverage < thresholds.suggestCoverage) return { status: 'unknown', ids: [], score };
    const ids = hits
      .filter((hit) => hit.score >= top.score * thresholds.suggestShare)
      .slice(0, thresholds.suggestions)
      .map((hit) => hit.id);
    return { status: 'suggest', ids, score };
  };

  return {
    topics,
    topic: (id) => byId.get(id),
    ask(question, options = {}) {
      const lang = options.lang ?? languageOf(question);
      const reading = index.read(question);
      const { status, ids, score } = decide(reading, index.search(reading.terms));
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

