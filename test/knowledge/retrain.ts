import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LANGS } from '../../bot/core/lang.js';
import { packageRoot } from '../../bot/core/paths.js';
import { calibrationFile, type Calibration } from '../../bot/knowledge/calibration.js';
import { topicModelFile } from '../../bot/knowledge/classifier.js';
import { ErrorPatterns } from '../../bot/knowledge/error-patterns.js';
import { loadLexicon, lexiconFile } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { RANKING, TopicIndex } from '../../bot/knowledge/search.js';
import { answeringThresholds, MOST_WRONG } from './answering-fit.js';
import { confidenceSamples, shippedWeights } from './confidence-fit.js';
import { crossFit, evaluateCrossFitted, FOLDS } from './cross-fitted.js';
import { accepts, isRealQuestion, readDevSet } from './eval-set.js';
import { foldOf, shippedModel, trainingExamples } from './topic-model-training.js';

// `npm run retrain`: after topics, the lexicon or the development set change. Trains the topic model
// on the topics' example questions and the development set, measures how reliable each topic is when
// it comes first, fits the confidence model and the answering thresholds, and writes the model and
// its calibration to knowledge/model/. Every figure it fits on comes from development questions
// each ranked by a model trained without them (cross-fitted), as a new question would be. Never run
// it on the held-out test set.
const dir = process.env.GORAE_KNOWLEDGE_DIR ?? join(packageRoot(import.meta.url), 'knowledge');
const topics = await loadTopics(dir);
const lexicon = await loadLexicon(lexiconFile(dir));
if (!topics.ok || !lexicon.ok) throw new Error('the knowledge base did not load');
const dev = readDevSet();
const words = new TopicIndex(topics.value, lexicon.value);
const errors = new ErrorPatterns(topics.value);
const fitted = crossFit(topics.value, lexicon.value, dev);

const real = dev.filter((item) => isRealQuestion(item) && item.topic !== null && !errors.match(item.q));
const firstRight = (weight: number): number => {
  const ranking = { ...RANKING, reranking: { ...RANKING.reranking, weight } };
  const indexes = fitted.models.map((model) => (weight === 0 ? words : new TopicIndex(topics.value, lexicon.value, model, ranking)));
  let right = 0;
  for (const item of real) {
    const reading = words.read(item.q);
    if (accepts(item, indexes[foldOf(item.q, FOLDS)]!.search(reading.terms, reading.kinds)[0]?.id)) right++;
  }
  return right / real.length;
};
console.log(`right topic first on ${real.length} real development questions, each ranked by a model that never saw it:`);
for (const weight of [0, 0.1, 0.3, 0.5, 1]) {
  console.log(`  reranking weight ${weight.toFixed(1)}: ${(firstRight(weight) * 100).toFixed(1)} %${weight === RANKING.reranking.weight ? '  ← in use' : ''}`);
}

const ids = topics.value.map((topic) => topic.id);
const model = shippedModel(ids, trainingExamples(topics.value, dev, words, errors), dev, fitted.reliability);
const byReliability = ids.map((id, k) => [id, fitted.reliability[k]!] as const).sort((a, b) => a[1] - b[1]);
const listed = (pairs: ReadonlyArray<readonly [string, number]>) => pairs.map(([id, share]) => `${id} ${share.toFixed(2)}`).join(', ');
console.log(`least reliable when first: ${listed(byReliability.slice(0, 8))}`);
console.log(`most reliable when first: ${listed(byReliability.slice(-8).reverse())}`);

// Rounded before the thresholds are sought: they are measured with the weights that ship.
const samples = confidenceSamples(topics.value, lexicon.value, fitted, dev);
const weights = shippedWeights(samples);
console.log(`confidence fitted on ${samples.length} development questions (${samples.filter((s) => s.right).length} with the right topic first)`);
const realDev = dev.filter(isRealQuestion);
const { found, chosen } = answeringThresholds((needed) => {
  const result = evaluateCrossFitted(topics.value, lexicon.value, fitted, realDev, { weights, answerConfidence: { en: needed, ko: needed } });
  return new Map(LANGS.map((lang) => [lang, result.by.get(`lang ${lang}`)!]));
});
for (const lang of LANGS) {
  const taken = chosen[lang] === found[lang] ? '' : ` (takes ${chosen[lang]}: Korean never answers on less than English)`;
  console.log(`answer ${lang} questions at confidence ≥ ${found[lang]}, the lowest with at most ${MOST_WRONG * 100} % of its real development questions answered wrong${taken}`);
}

const calibration: Calibration = {
  about: 'Confidence for bot/knowledge/calibration.ts, fitted with the topic model beside it by `npm run retrain`; do not edit by hand.',
  trainedOn: model.trainedOn,
  weights,
  answerConfidence: chosen,
};
const files = [
  [topicModelFile(dir), JSON.stringify(model)],
  [calibrationFile(dir), JSON.stringify(calibration, null, 2)],
] as const;
for (const [file, text] of files) {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${text}\n`);
}
console.log(`wrote ${files[0][0]}: ${Object.keys(model.weights).length} terms, ${Object.values(model.weights).reduce((sum, pairs) => sum + pairs.length / 2, 0)} weights`);
console.log(`wrote ${files[1][0]}`);
console.log('Those questions tuned the topics and lexicon: measure a batch of newly collected real questions before tuning on it, to see whether the margin holds (README).');
