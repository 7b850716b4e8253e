import { createHash } from 'node:crypto';
import type { TopicModel } from '../../bot/knowledge/classifier.js';
import { withPairs } from '../../bot/knowledge/term-pairs.js';
import type { ErrorPatterns } from '../../bot/knowledge/error-patterns.js';
import type { TopicIndex } from '../../bot/knowledge/search.js';
import type { Topic } from '../../bot/knowledge/topic.js';
import { hashOf } from '../../bot/knowledge/word-memo.js';
import type { Labelled } from './eval-set.js';

/** One worded question and the topic it was about. */
export interface Example {
  readonly q: string;
  readonly topic: string;
  readonly terms: readonly string[];
  /** A labelled development question (most of them real), not one of a topic's example questions: training starts with these. */
  readonly asked?: boolean;
}

/**
 * Softmax regression, Adagrad steps, L2. A term's weights are centred on their median and those
 * nearer it than `prune` left out: moving every topic alike changes no ranking, and cross-validation
 * put the right topic first as often with 5 % of the weights (0.6) as with all of them.
 */
export interface Training {
  readonly epochs: number;
  readonly rate: number;
  readonly l2: number;
  readonly prune: number;
}

export const TRAINING: Training = { epochs: 5, rate: 0.5, l2: 0.001, prune: 0.6 };

/**
 * The class of questions about something other than Docker. The model learns it beside the topics
 * and keeps only the topics' weights: words that non-Docker questions use as often ("kill",
 * "process", "port") then lean less toward any topic, and the belief in a topic rests on the words
 * that say it. No topic id has parentheses.
 */
export const ELSEWHERE = '(not docker)';

/**
 * What the model learns from: every topic's example questions, every development question with a
 * topic, and every non-Docker development question (as `ELSEWHERE`), each unless a pasted-error
 * pattern already settles it. Terms and kinds are read by an index without a model, as the search
 * reads a question before the model sees it.
 */
export function trainingExamples(topics: readonly Topic[], dev: readonly Labelled[], index: TopicIndex, errors: ErrorPatterns): Example[] {
  const ids = new Set(topics.map((topic) => topic.id));
  const examples: Example[] = [];
  for (const topic of topics) {
    for (const q of [...topic.en.aliases, ...topic.ko.aliases]) examples.push({ q, topic: topic.id, terms: asked(index, q) });
  }
  for (const item of dev) {
    const topic = item.docker ? item.topic : ELSEWHERE;
    if (topic === null || (topic !== ELSEWHERE && !ids.has(topic)) || errors.match(item.q)) continue;
    examples.push({ q: item.q, topic, terms: asked(index, item.q), asked: true });
  }
  return examples;
}

/** A question's terms and its kinds, as the model weighs them (see `TopicIndex.search`). */
function asked(index: TopicIndex, q: string): string[] {
  const { terms, kinds } = index.read(q);
  return [...terms, ...kinds];
}

/**
 * Changes whenever the topics, the examples, how they read, or the training settings do, and for a
 * shipped model also the topics each development question accepts, which its reliability counts.
 */
export function fingerprint(topicIds: readonly string[], examples: readonly Example[], training: Training = TRAINING, judged: readonly Labelled[] = []): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ topicIds, training }));
  for (const { topic, terms } of examples) hash.update(`${topic}\t${terms.join(' ')}\n`);
  for (const { q, topic, also } of judged) hash.update(`${q}\t${topic}\t${(also ?? []).join(' ')}\n`);
  return hash.digest('hex');
}

/** The model Gorae ships: trained on every example, with the topics' reliability measured by cross-fitting. */
export function shippedModel(topicIds: readonly string[], examples: readonly Example[], dev: readonly Labelled[], reliability: readonly number[]): TopicModel {
  return { ...trainModel(topicIds, examples), trainedOn: fingerprint(topicIds, examples, TRAINING, dev), reliability: [...reliability] };
}

/**
 * Which of `folds` parts a question falls in, the same on every run and machine. Another `cut`
 * parts the same questions another way: one cut's figures move by a point or so with the chance of
 * which questions fell together, so a change is judged over several (fold-cuts.ts).
 */
export function foldOf(q: string, folds: number, cut = ''): number {
  return createHash('sha256').update(q + cut).digest().readUInt32BE(0) % folds;
}

/**
 * The order of one epoch, fixed by each example's own words: the order matters to the steps, so the
 * file must not change by chance, and adding or removing one example must not move all the others
 * (with a shuffle by position, dropping any one of three examples tried changed about 55 of the
 * 2,256 real development questions' first topics; with this order, none). The first epoch, whose
 * steps are the largest, takes the development questions before the topics' example questions:
 * mixed with them from the start, the model answered 0.6 points fewer real development questions at
 * 1 % wrong (five fold cuts, session 21).
 */
export function shuffled<T extends { readonly q: string; readonly label: number; readonly asked: boolean }>(data: readonly T[], epoch: number): T[] {
  const keyed = data.map((item) => {
    const text = `${epoch}\t${item.label}\t${item.q}`;
    return { item, key: hashOf(text, 0, text.length) >>> 0 };
  });
  const order = keyed.sort((a, b) => a.key - b.key).map(({ item }) => item);
  return epoch === 0 ? [...order.filter(({ asked }) => asked), ...order.filter(({ asked }) => !asked)] : order;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Trains the model: deterministic, so the same examples always give the same file. `ELSEWHERE` is
 * one class more while it learns, and left out of what it keeps.
 */
export function trainModel(topicIds: readonly string[], examples: readonly Example[], training: Training = TRAINING): TopicModel {
  const topicCount = topicIds.length;
  const classes = topicCount + 1;
  const classOf = new Map([...topicIds.map((id, k) => [id, k] as const), [ELSEWHERE, topicCount] as const]);
  const weights = new Map<string, Float64Array>();
  const squares = new Map<string, Float64Array>();
  const rowOf = (term: string): Float64Array => {
    let row = weights.get(term);
    if (!row) {
      weights.set(term, (row = new Float64Array(classes)));
      squares.set(term, new Float64Array(classes).fill(1e-8));
    }
    return row;
  };
  const data = examples
    .map(({ q, topic, terms, asked = false }) => ({ q, asked, label: classOf.get(topic), terms: [...new Set(withPairs(terms))] }))
    .filter((item): item is { q: string; asked: boolean; label: number; terms: string[] } => item.label !== undefined && item.terms.length > 0);
  const logits = new Float64Array(classes);
  for (let epoch = 0; epoch < training.epochs; epoch++) {
    for (const { label, terms } of shuffled(data, epoch)) {
      logits.fill(0);
      for (const term of terms) {
        const row = rowOf(term);
        for (let c = 0; c < classes; c++) logits[c]! += row[c]!;
      }
      let most = -Infinity;
      for (let c = 0; c < classes; c++) most = Math.max(most, logits[c]!);
      let total = 0;
      for (let c = 0; c < classes; c++) total += logits[c] = Math.exp(logits[c]! - most);
      for (const term of terms) {
        const row = weights.get(term)!;
        const square = squares.get(term)!;
        for (let c = 0; c < classes; c++) {
          const gradient = logits[c]! / total - (c === label ? 1 : 0) + training.l2 * row[c]!;
          square[c]! += gradient * gradient;
          row[c]! -= (training.rate * gradient) / Math.sqrt(square[c]!);
        }
      }
    }
  }
  const kept: TopicModel['weights'] = {};
  for (const [term, full] of [...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const row = full.subarray(0, topicCount);
    const median = [...row].sort((a, b) => a - b)[topicCount >> 1]!;
    const pairs: number[] = [];
    row.forEach((weight, c) => {
      if (Math.abs(weight - median) >= training.prune) pairs.push(c, round(weight - median));
    });
    if (pairs.length > 0) kept[term] = pairs;
  }
  return {
    about: 'Topic model for bot/knowledge/classifier.ts, written by `npm run retrain`; do not edit by hand.',
    trainedOn: fingerprint(topicIds, examples, training),
    topics: [...topicIds],
    weights: kept,
  };
}
