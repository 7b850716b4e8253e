import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import { topicModelFile } from '../../bot/knowledge/classifier.js';
import { ErrorPatterns } from '../../bot/knowledge/error-patterns.js';
import { loadLexicon, lexiconFile } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { RANKING, TopicIndex } from '../../bot/knowledge/search.js';
import { crossFit, FOLDS } from './cross-fitted.js';
import { accepts, isRealQuestion, readDevSet } from './eval-set.js';
import { foldOf, shippedModel, trainingExamples } from './topic-model-training.js';

// Trains the topic model on the topics' example questions and the development set, measures how
// reliable each topic is when it comes first, writes both to knowledge/model/topics.json, and prints
// how often the right topic comes first on the real development questions when each is ranked by a
// model trained without it, for a few reranking weights. Never run it on the held-out test set.
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
  console.log(`  weight ${weight.toFixed(1)}: ${(firstRight(weight) * 100).toFixed(1)} %${weight === RANKING.reranking.weight ? '  ← in use' : ''}`);
}

const ids = topics.value.map((topic) => topic.id);
const model = shippedModel(ids, trainingExamples(topics.value, dev, words, errors), dev, fitted.reliability);
const byReliability = ids.map((id, k) => [id, fitted.reliability[k]!] as const).sort((a, b) => a[1] - b[1]);
const listed = (pairs: ReadonlyArray<readonly [string, number]>) => pairs.map(([id, share]) => `${id} ${share.toFixed(2)}`).join(', ');
console.log(`least reliable when first: ${listed(byReliability.slice(0, 8))}`);
console.log(`most reliable when first: ${listed(byReliability.slice(-8).reverse())}`);
const file = topicModelFile(dir);
await mkdir(dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify(model)}\n`);
console.log(`wrote ${file}: ${Object.keys(model.weights).length} terms, ${Object.values(model.weights).reduce((sum, pairs) => sum + pairs.length / 2, 0)} weights`);
