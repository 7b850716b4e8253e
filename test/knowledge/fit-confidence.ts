import { join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import { confidence, evidenceOf, type Evidence, type Weights } from '../../bot/knowledge/confidence.js';
import { ErrorPatterns } from '../../bot/knowledge/error-patterns.js';
import { loadLexicon, lexiconFile } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { TopicIndex } from '../../bot/knowledge/search.js';
import { THRESHOLDS } from '../../bot/knowledge/knowledge.js';
import { LANGS } from '../../bot/core/lang.js';
import { crossFit, evaluateCrossFitted, FOLDS } from './cross-fitted.js';
import { accepts, isReal, isRealQuestion, readDevSet, share } from './eval-set.js';
import { foldOf } from './topic-model-training.js';

// Fits the confidence model's weights on the development set only (logistic regression, L2) and
// prints them for bot/knowledge/confidence.ts. The topic model learnt from the same questions, so
// each is ranked by a model trained without it (cross-fitted), as a new question would be. Never
// run it on the held-out test set.
const dir = process.env.GORAE_KNOWLEDGE_DIR ?? join(packageRoot(import.meta.url), 'knowledge');
const topics = await loadTopics(dir);
const lexicon = await loadLexicon(lexiconFile(dir));
if (!topics.ok || !lexicon.ok) throw new Error('the knowledge base did not load');
const dev = readDevSet();
const fitted = crossFit(topics.value, lexicon.value, dev);
const indexes = fitted.models.map((model) => new TopicIndex(topics.value, lexicon.value, model));
const errors = new ErrorPatterns(topics.value);

// Answering a non-Docker question costs more than missing a Docker one: those samples weigh more.
const NOT_DOCKER_WEIGHT = 3;
// Real questions (dev-real/) are what users ask; the written ones are easier and far more numerous.
const REAL_WEIGHT = 3;
/**
 * The answering threshold is the lowest at which real development questions stay within these
 * shares: half the 2 % goal for wrong answers, as unseen questions go wrong more often (knowledge.ts).
 */
const MOST_WRONG = 0.01;
const MOST_NOT_DOCKER = 0.03;
const samples: Array<{ evidence: Evidence; right: number; weight: number }> = [];
for (const item of dev) {
  if (errors.match(item.q)) continue;
  const index = indexes[foldOf(item.q, FOLDS)]!;
  const reading = index.read(item.q);
  if (reading.signal === 'none') continue;
  const hits = index.search(reading.terms, reading.kinds);
  if (!hits[0]) continue;
  samples.push({ evidence: evidenceOf(reading, hits, index), right: item.docker && accepts(item, hits[0].id) ? 1 : 0, weight: (item.docker ? 1 : NOT_DOCKER_WEIGHT) * (isReal(item) ? REAL_WEIGHT : 1) });
}

const keys = Object.keys(samples[0]!.evidence) as Array<keyof Evidence>;
const weights: Record<keyof Evidence | 'bias', number> = { bias: 0, ...Object.fromEntries(keys.map((key) => [key, 0])) } as Weights & Record<string, number>;
const rate = 0.05;
const l2 = 0.001;
for (let step = 0; step < 20_000; step++) {
  const gradient: Record<string, number> = { bias: 0 };
  for (const key of keys) gradient[key] = 0;
  for (const { evidence, right, weight } of samples) {
    const error = weight * (confidence(evidence, weights) - right);
    gradient.bias! += error;
    for (const key of keys) gradient[key]! += error * evidence[key];
  }
  weights.bias -= (rate * gradient.bias!) / samples.length;
  for (const key of keys) weights[key] -= rate * (gradient[key]! / samples.length + l2 * weights[key]);
}

const round = (value: number) => Math.round(value * 100) / 100;
console.log(`fitted on ${samples.length} development questions (${samples.filter((s) => s.right).length} with the right topic first):`);
console.log(`export const WEIGHTS: Weights = {\n${Object.entries(weights).map(([key, value]) => `  ${key}: ${round(value)},`).join('\n')}\n};`);

const real = dev.filter(isRealQuestion);
const lowest = new Map<string, number>();
for (let needed = 0.5; needed < 1 && lowest.size < LANGS.length; needed += 0.01) {
  const result = evaluateCrossFitted(topics.value, lexicon.value, fitted, real, { ...THRESHOLDS, weights, answerConfidence: { en: needed, ko: needed } });
  for (const lang of LANGS) {
    const tally = result.by.get(`lang ${lang}`)!;
    if (lowest.has(lang) || share(tally.answerable.wrong, tally.answerable.total) > MOST_WRONG) continue;
    if (share(tally.nonDocker.answered, tally.nonDocker.total) > MOST_NOT_DOCKER) continue;
    lowest.set(lang, round(needed));
  }
}
for (const [lang, needed] of lowest) {
  console.log(`answerConfidence.${lang}: at least ${needed}, the lowest at which its real development questions are answered wrong at most ${MOST_WRONG * 100} % of the time.`);
}
console.log('Those questions tuned the topics and lexicon: a batch measured before any tuning shows whether the margin holds (see THRESHOLDS in knowledge.ts).');
