import { join } from 'node:path';
import { z } from 'zod';
import { readOptionalJson } from '../core/json-file.js';
import type { Result } from '../core/result.js';
import type { LoadError } from './load.js';
import type { Hit } from './reading.js';
import { withPairs } from './term-pairs.js';

/**
 * A linear model of how questions about each topic are worded (softmax regression over the
 * question's terms and their neighbouring pairs, term-pairs.ts), trained by `npm run retrain` on the development questions (the non-Docker
 * ones as a class of their own, left out of the file) and the topics' own example questions.
 * Weights too small to change a ranking are left out.
 */
export const topicModelSchema = z
  .object({
    about: z.string(),
    /** Fingerprint of what it was trained on: a test says when the topics or questions moved on. */
    trainedOn: z.string().regex(/^[0-9a-f]{64}$/u),
    topics: z.array(z.string().min(1)).min(1),
    /**
     * Term → index into `topics`, weight, index, weight…: flat, as tens of thousands of small
     * tuples take longer to check than the rest of start-up.
     */
    weights: z.record(z.string().min(1), z.custom<number[]>(isPairs, 'must alternate a topic index (a whole number ≥ 0) and a weight')),
    /**
     * Per topic, in the order of `topics`: the share of real development questions it answered
     * right when it came first, each ranked by a model that never saw it (smoothed toward the share
     * of all topics). A topic that many questions reach by shared words is often first and wrong.
     */
    reliability: z.array(z.number().gt(0).lt(1)).optional(),
  })
  .strict()
  .refine((model) => Object.values(model.weights).every((pairs) => pairs.every((value, k) => k % 2 === 1 || value < model.topics.length)), {
    message: 'a topic index is past the end of topics',
    path: ['weights'],
  })
  .refine((model) => model.reliability === undefined || model.reliability.length === model.topics.length, {
    message: 'must give one share per topic',
    path: ['reliability'],
  });

/**
 * A list alternating a topic index and a weight, every value checked in one pass: a number schema
 * per value, then this over them again, took most of the time a start spends checking the model.
 */
function isPairs(values: unknown): values is number[] {
  if (!Array.isArray(values) || values.length % 2 !== 0) return false;
  for (let k = 0; k < values.length; k += 2) {
    if (!Number.isInteger(values[k]) || values[k] < 0 || !Number.isFinite(values[k + 1])) return false;
  }
  return true;
}

export type TopicModel = z.infer<typeof topicModelSchema>;

/** How much the model may reorder: among how many leading hits, and the power its probability is raised to. */
export interface Reranking {
  readonly candidates: number;
  readonly weight: number;
}

/**
 * BM25 finds the topics that share the question's words; the model knows which of them questions
 * worded this way were about. Each of the leading hits is scored by the model, and its odds against
 * the likeliest of them, raised to `weight`, multiply its score; its probability among them is its
 * `belief`, which the confidence weighs. Only those leading hits are kept:
 * the rest were never weighed, and nothing further down is ever suggested.
 */
export class TopicClassifier {
  /**
   * Term → the model's flat list of topic index and weight, as stored (each topic once, as the
   * trainer writes it), and read where it is stored: copying its 30,000 terms into a Map took 8 ms of
   * every build. A map of topic id → weight per term took longer to build than most of the index.
   */
  private readonly weights: TopicModel['weights'];
  /** Topic id → its index in the model. */
  private readonly indexOf: ReadonlyMap<string, number>;
  /** Topic id → how often it was right when first, for a model that measured it. */
  private readonly reliabilities: ReadonlyMap<string, number>;
  /** Scratch space for one reranking: a model topic's place among the leading hits, plus one (0: not among them). */
  private readonly place: Int32Array;

  constructor(
    model: TopicModel,
    private readonly reranking: Reranking,
  ) {
    this.weights = model.weights;
    this.indexOf = new Map(model.topics.map((id, k) => [id, k]));
    this.reliabilities = new Map(model.reliability?.map((share, k) => [model.topics[k]!, share]) ?? []);
    this.place = new Int32Array(model.topics.length);
  }

  /** How often the topic was right when it came first (0–1), if the model measured it. */
  reliability(id: string): number | undefined {
    return this.reliabilities.get(id);
  }

  rerank(terms: readonly string[], hits: readonly Hit[]): Hit[] {
    const { candidates, weight } = this.reranking;
    const leading = hits.slice(0, candidates);
    if (leading.length < 2) return leading;
    const logits = new Float64Array(leading.length);
    leading.forEach((hit, k) => {
      const topic = this.indexOf.get(hit.id);
      if (topic !== undefined) this.place[topic] = k + 1;
    });
    // A repeated term or pair counts once.
    for (const term of new Set(withPairs(terms))) {
      // Own terms only: a question's "constructor" is no weight of the object's prototype.
      const pairs = Object.hasOwn(this.weights, term) ? this.weights[term] : undefined;
      if (!pairs) continue;
      for (let k = 0; k < pairs.length; k += 2) {
        const place = this.place[pairs[k]!]!;
        if (place > 0) logits[place - 1]! += pairs[k + 1]!;
      }
    }
    for (const hit of leading) {
      const topic = this.indexOf.get(hit.id);
      if (topic !== undefined) this.place[topic] = 0;
    }
    const most = logits.reduce((best, logit) => Math.max(best, logit), -Infinity);
    const odds = logits.map((logit) => Math.exp(logit - most));
    const total = odds.reduce((sum, value) => sum + value, 0);
    return leading
      .map(({ id, score, example }, k) => ({ id, score: score * odds[k]! ** weight, example, belief: odds[k]! / total }))
      .sort((a, b) => b.score - a.score);
  }
}

export const topicModelFile = (knowledgeDir: string): string => join(knowledgeDir, 'model', 'topics.json');

/** The trained model of a knowledge folder; a folder without one (a test's, a fork's) is searched by words alone. */
export function loadTopicModel(file: string): Promise<Result<TopicModel | undefined, LoadError>> {
  return readOptionalJson(file, topicModelSchema, { unreadable: 'knowledge.load.unreadable', invalid: 'knowledge.load.invalid' });
}
