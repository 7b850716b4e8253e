import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../bot/core/paths.js';
import { loadTopicModel, TopicClassifier, topicModelFile, type TopicModel } from '../../bot/knowledge/classifier.js';
import { ErrorPatterns } from '../../bot/knowledge/error-patterns.js';
import { loadLexicon, lexiconFile } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { TopicIndex } from '../../bot/knowledge/search.js';
import { readDevSet } from './eval-set.js';
import { fingerprint, trainingExamples, TRAINING } from './topic-model-training.js';

const model = (weights: TopicModel['weights']): TopicModel => ({ about: 'test', trainedOn: '0'.repeat(64), topics: ['run', 'start', 'stop'], weights });
const hit = (id: string, score: number) => ({ id, score, example: 0 });

describe('reranking hits with the topic model', () => {
  it('tells how reliable a topic has been when first, and nothing for a model that never measured it', () => {
    const measured = new TopicClassifier({ ...model({}), reliability: [0.6, 0.7, 0.8] }, { candidates: 10, weight: 0.5 });
    expect(measured.reliability('start')).toBe(0.7);
    expect(new TopicClassifier(model({}), { candidates: 10, weight: 0.5 }).reliability('start')).toBeUndefined();
  });

  it('puts first a close runner-up that questions worded this way were about', () => {
    const classifier = new TopicClassifier(model({ restart: [1, 2] }), { candidates: 10, weight: 0.5 });
    expect(classifier.rerank(['restart', 'container'], [hit('run', 2), hit('start', 1.8)]).map((h) => h.id)).toEqual(['start', 'run']);
  });

  it('leaves a clear leader first when the model leans only a little the other way', () => {
    const classifier = new TopicClassifier(model({ restart: [1, 0.2] }), { candidates: 10, weight: 0.5 });
    expect(classifier.rerank(['restart'], [hit('run', 4), hit('start', 1)])[0]!.id).toBe('run');
  });

  it('keeps the order and the scores when the model knows none of the words, believing each alike', () => {
    const classifier = new TopicClassifier(model({ restart: [1, 2] }), { candidates: 10, weight: 0.5 });
    expect(classifier.rerank(['volume'], [hit('run', 2), hit('start', 1.8)])).toEqual([
      { ...hit('run', 2), belief: 0.5 },
      { ...hit('start', 1.8), belief: 0.5 },
    ]);
  });

  it('believes most in the topic whose questions used the words', () => {
    const classifier = new TopicClassifier(model({ restart: [1, 2] }), { candidates: 10, weight: 0.5 });
    const [first, second] = classifier.rerank(['restart'], [hit('run', 2), hit('start', 1.8)]);
    expect(first).toMatchObject({ id: 'start', belief: 1 / (1 + Math.exp(-2)) });
    expect(second!.belief).toBeCloseTo(1 - first!.belief!);
  });

  it('finds no weight for a word that names something every object has, such as constructor', () => {
    const classifier = new TopicClassifier(model({ restart: [1, 2] }), { candidates: 10, weight: 0.5 });
    expect(classifier.rerank(['constructor', 'tostring', '__proto__', 'hasownproperty'], [hit('run', 2), hit('start', 1.8)]).map((h) => h.belief)).toEqual([0.5, 0.5]);
  });

  it('weighs two neighbouring terms as one feature as well, in either order', () => {
    const classifier = new TopicClassifier(model({ 'compose+up': [1, 3] }), { candidates: 10, weight: 1 });
    expect(classifier.rerank(['compose', 'up'], [hit('run', 2), hit('start', 1.8)])[0]!.id).toBe('start');
    expect(classifier.rerank(['up', 'compose'], [hit('run', 2), hit('start', 1.8)])[0]!.id).toBe('start');
    expect(classifier.rerank(['compose', 'run', 'up'], [hit('run', 2), hit('start', 1.8)])[0]!.id, 'apart, they are no pair').toBe('run');
  });

  it('weighs only the leading candidates and keeps no others', () => {
    const classifier = new TopicClassifier(model({ halt: [2, 5] }), { candidates: 2, weight: 1 });
    expect(classifier.rerank(['halt'], [hit('run', 3), hit('start', 2), hit('stop', 1)]).map((h) => h.id)).toEqual(['run', 'start']);
  });
});

describe('loading the topic model', () => {
  const fileIn = async (text?: string): Promise<string> => {
    const file = topicModelFile(await mkdtemp(join(tmpdir(), 'gorae-model-')));
    if (text !== undefined) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    }
    return file;
  };

  it('searches by words alone when the knowledge folder has no model', async () => {
    expect(await loadTopicModel(await fileIn())).toEqual({ ok: true, value: undefined });
  });

  it('names the file when the model is not JSON', async () => {
    const file = await fileIn('{ not json');
    expect(await loadTopicModel(file)).toMatchObject({ ok: false, error: { id: 'knowledge.load.invalid', vars: { file, field: '(json)' } } });
  });

  it('names the field that does not fit the model', async () => {
    const file = await fileIn(JSON.stringify({ ...model({}), weights: { restart: [-1, 2] } }));
    expect(await loadTopicModel(file)).toMatchObject({ ok: false, error: { id: 'knowledge.load.invalid', vars: { file, field: 'weights.restart' } } });
  });

  it('refuses a weight that is not a number, and a topic index without its weight', async () => {
    for (const pairs of [[0, 'x'], [0, null], [1, 0.5, 2], [0.5, 1], 'x']) {
      const file = await fileIn(JSON.stringify({ ...model({}), weights: { restart: pairs } }));
      expect(await loadTopicModel(file), JSON.stringify(pairs)).toMatchObject({ ok: false, error: { vars: { field: 'weights.restart' } } });
    }
  });

  it('refuses a reliability list that does not give one share per topic', async () => {
    const file = await fileIn(JSON.stringify({ ...model({}), reliability: [0.5, 0.6] }));
    expect(await loadTopicModel(file)).toMatchObject({ ok: false, error: { id: 'knowledge.load.invalid', vars: { file, field: 'reliability' } } });
  });

  it('refuses a weight for a topic the model does not list', async () => {
    const file = await fileIn(JSON.stringify({ ...model({}), weights: { restart: [3, 2] } }));
    expect(await loadTopicModel(file)).toMatchObject({ ok: false, error: { id: 'knowledge.load.invalid', vars: { file, field: 'weights' } } });
  });
});

describe('the shipped topic model', () => {
  it('was trained on today’s topics and development set (else run `npm run retrain`)', async () => {
    const dir = join(packageRoot(import.meta.url), 'knowledge');
    const [topics, lexicon, shipped] = await Promise.all([loadTopics(dir), loadLexicon(lexiconFile(dir)), loadTopicModel(topicModelFile(dir))]);
    if (!topics.ok || !lexicon.ok || !shipped.ok || !shipped.value) throw new Error('the knowledge base or its model did not load');
    const index = new TopicIndex(topics.value, lexicon.value);
    const examples = trainingExamples(topics.value, readDevSet(), index, new ErrorPatterns(topics.value));
    expect(shipped.value.topics).toEqual(topics.value.map((topic) => topic.id));
    expect(shipped.value.trainedOn).toBe(fingerprint(shipped.value.topics, examples, TRAINING, readDevSet()));
    expect(shipped.value.reliability).toHaveLength(topics.value.length);
  });
});
