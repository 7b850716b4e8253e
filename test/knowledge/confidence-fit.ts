import { evidenceOf, type Evidence, type Weights } from '../../bot/knowledge/confidence.js';
import { ErrorPatterns } from '../../bot/knowledge/error-patterns.js';
import type { Lexicon } from '../../bot/knowledge/lexicon.js';
import { TopicIndex } from '../../bot/knowledge/search.js';
import type { Topic } from '../../bot/knowledge/topic.js';
import { FOLDS, type CrossFitted } from './cross-fitted.js';
import { accepts, isReal, type Labelled, type Tally } from './eval-set.js';
import { foldOf } from './topic-model-training.js';

// Answering a non-Docker question costs more than missing a Docker one: those samples weigh more.
const NOT_DOCKER_WEIGHT = 3;
// Real questions (dev-real/) are what users ask; the written ones are easier and far more numerous.
const REAL_WEIGHT = 3;

/** One development question as the confidence model learns from it: what its fold's model found, and whether the best topic was right. */
export interface Sample {
  readonly item: Labelled;
  readonly fold: number;
  readonly evidence: Evidence;
  readonly right: number;
  readonly weight: number;
}

/**
 * The evidence for every development question a topic could answer (not a pasted error, not one
 * without any Docker signal), each read by the model of its own fold, which never saw it.
 */
export function confidenceSamples(topics: readonly Topic[], lexicon: Lexicon, fitted: CrossFitted, dev: readonly Labelled[]): Sample[] {
  const indexes = fitted.models.map((model) => new TopicIndex(topics, lexicon, model));
  const errors = new ErrorPatterns(topics);
  const samples: Sample[] = [];
  for (const item of dev) {
    if (errors.match(item.q)) continue;
    const fold = foldOf(item.q, FOLDS, fitted.cut);
    const index = indexes[fold]!;
    const reading = index.read(item.q);
    if (reading.signal === 'none') continue;
    const hits = index.search(reading.terms, reading.kinds);
    if (!hits[0]) continue;
    samples.push({
      item,
      fold,
      evidence: evidenceOf(reading, hits, index),
      right: item.docker && accepts(item, hits[0].id) ? 1 : 0,
      weight: (item.docker ? 1 : NOT_DOCKER_WEIGHT) * (isReal(item) ? REAL_WEIGHT : 1),
    });
  }
  return samples;
}

/**
 * Logistic regression with L2 by plain gradient steps: the weights for bot/knowledge/confidence.ts.
 * The evidence is laid out in one typed array first; each step computes what `confidence` does, in
 * the same order, so the weights come out as they would through it, many times faster.
 */
export function fitWeights(samples: readonly Sample[]): Weights {
  const keys = Object.keys(samples[0]!.evidence) as Array<keyof Evidence>;
  const width = keys.length;
  const values = new Float64Array(samples.length * width);
  samples.forEach(({ evidence }, k) => keys.forEach((key, j) => (values[k * width + j] = evidence[key])));
  const w = new Float64Array(width);
  const gradient = new Float64Array(width);
  let bias = 0;
  const rate = 0.05;
  const l2 = 0.001;
  for (let step = 0; step < 20_000; step++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let k = 0; k < samples.length; k++) {
      const { right, weight } = samples[k]!;
      const row = k * width;
      let z = bias;
      for (let j = 0; j < width; j++) z += w[j]! * values[row + j]!;
      const error = weight * (1 / (1 + Math.exp(-z)) - right);
      biasGradient += error;
      for (let j = 0; j < width; j++) gradient[j]! += error * values[row + j]!;
    }
    bias -= (rate * biasGradient) / samples.length;
    for (let j = 0; j < width; j++) w[j]! -= rate * (gradient[j]! / samples.length + l2 * w[j]!);
  }
  return { bias, ...Object.fromEntries(keys.map((key, j) => [key, w[j]!])) } as Weights;
}

/** The weights as `npm run retrain` ships them, each rounded by `shippedWeight`; the thresholds are sought with these. */
export function shippedWeights(samples: readonly Sample[]): Weights {
  return Object.fromEntries(Object.entries(fitWeights(samples)).map(([key, value]) => [key, shippedWeight(value)])) as Weights;
}

/** A weight rounded to two places, to keep the file readable; one that rounds to -0 is 0, as JSON writes it. */
export const shippedWeight = (value: number): number => Math.round(value * 100) / 100 || 0;

/**
 * The most questions answered right at any of the thresholds, each counted as one tally, that keeps
 * wrong answers within `wrongShare` of the answerable questions and answered non-Docker ones within
 * `nonDockerShare`, as a share of the answerable questions (0 when no threshold does).
 */
export function mostRightWithin(tallies: readonly Tally[], wrongShare: number, nonDockerShare: number): number {
  let best = 0;
  for (const { answerable, nonDocker } of tallies) {
    if (answerable.total === 0 || answerable.wrong > wrongShare * answerable.total) continue;
    if (nonDocker.answered > nonDockerShare * nonDocker.total) continue;
    best = Math.max(best, answerable.right / answerable.total);
  }
  return best;
}
