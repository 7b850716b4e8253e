import { describe, expect, it } from 'vitest';
import { TopicClassifier, type TopicModel } from '../../bot/knowledge/classifier.js';
import { ELSEWHERE, fingerprint, foldOf, shippedModel, shuffled, trainModel, type Example } from './topic-model-training.js';

const examples: Example[] = [
  { q: 'restart the container', topic: 'start', terms: ['restart', 'container'] },
  { q: 'start it again', topic: 'start', terms: ['start', 'again'] },
  { q: 'run a new container', topic: 'run', terms: ['run', 'new', 'container'] },
  { q: 'create and run', topic: 'run', terms: ['create', 'run'] },
];
const ids = ['run', 'start'];

describe('training the topic model', () => {
  it('learns which topic a word was asked about', () => {
    const classifier = new TopicClassifier(trainModel(ids, examples), { candidates: 10, weight: 1 });
    const hits = [
      { id: 'run', score: 1, example: 0 },
      { id: 'start', score: 1, example: 0 },
    ];
    expect(classifier.rerank(['restart'], hits)[0]!.id).toBe('start');
    expect(classifier.rerank(['create'], hits)[0]!.id).toBe('run');
  });

  it('learns from questions about something else that their words say no topic, and keeps no weights for them', () => {
    const elsewhere: Example[] = [
      { q: 'kill the process on port 80', topic: ELSEWHERE, terms: ['kill', 'process', 'port'] },
      { q: 'kill a zombie process', topic: ELSEWHERE, terms: ['kill', 'process', 'zombie'] },
      { q: 'kill the container', topic: 'start', terms: ['kill', 'container'] },
    ];
    const alone = trainModel(ids, [...examples, elsewhere[2]!]);
    const taught = trainModel(ids, [...examples, ...elsewhere]);
    const weight = (model: TopicModel, term: string, topic: string): number => {
      const pairs = model.weights[term] ?? [];
      for (let k = 0; k < pairs.length; k += 2) if (pairs[k] === ids.indexOf(topic)) return pairs[k + 1]!;
      return 0;
    };
    const leanToStart = (model: TopicModel) => weight(model, 'kill', 'start') - weight(model, 'kill', 'run');
    expect(leanToStart(alone)).toBeGreaterThan(0);
    expect(leanToStart(taught)).toBeLessThan(leanToStart(alone));
    expect(taught.topics).toEqual(ids);
    expect(Object.values(taught.weights).flat().filter((_, k) => k % 2 === 0).every((topic) => topic < ids.length)).toBe(true);
  });

  it('gives the same model for the same examples, so the file only changes when they do', () => {
    expect(trainModel(ids, examples)).toEqual(trainModel(ids, examples));
  });

  it('fingerprints what it learnt from: another example gives another fingerprint', () => {
    const more = [...examples, { q: 'boot it', topic: 'start', terms: ['boot'] }];
    expect(fingerprint(ids, more)).not.toBe(fingerprint(ids, examples));
    expect(trainModel(ids, examples).trainedOn).toBe(fingerprint(ids, examples));
  });
});

describe('the order of an epoch', () => {
  const data = Array.from({ length: 100 }, (_, i) => ({ q: `question ${i}`, label: i % 3, asked: i >= 70 }));

  it('mixes the examples, differently in each epoch', () => {
    const second = shuffled(data, 1).map(({ q }) => q);
    expect([...second].sort()).toEqual(data.map(({ q }) => q).sort());
    expect(second).not.toEqual(data.map(({ q }) => q));
    expect(shuffled(data, 2).map(({ q }) => q)).not.toEqual(second);
  });

  it('starts with the development questions, then the example questions, and mixes them after the first epoch', () => {
    const first = shuffled(data, 0);
    expect(first.slice(0, 30).every(({ asked }) => asked)).toBe(true);
    expect(first.slice(30).some(({ asked }) => asked)).toBe(false);
    expect(shuffled(data, 1).slice(0, 30).every(({ asked }) => asked)).toBe(false);
  });

  it('leaves the other examples in their order when one is removed', () => {
    const without = data.filter(({ q }) => q !== 'question 7');
    const before = shuffled(data, 2).map(({ q }) => q).filter((q) => q !== 'question 7');
    expect(shuffled(without, 2).map(({ q }) => q)).toEqual(before);
  });
});

describe('the shipped model', () => {
  it('carries the reliability it was given, and a fingerprint that changes when a question accepts another topic', () => {
    const question = { q: 'restart the container', topic: 'start', docker: true, lang: 'en', group: 'real everyday' } as const;
    const shipped = shippedModel(ids, examples, [question], [0.6, 0.7]);
    expect(shipped.reliability).toEqual([0.6, 0.7]);
    expect(shipped.weights).toEqual(trainModel(ids, examples).weights);
    expect(shippedModel(ids, examples, [{ ...question, also: ['run'] }], [0.6, 0.7]).trainedOn).not.toBe(shipped.trainedOn);
  });
});

describe('cutting the development set into folds', () => {
  it('puts a question in the same fold every time, and every fold gets questions', () => {
    const questions = Array.from({ length: 200 }, (_, i) => `question ${i}`);
    expect(questions.map((q) => foldOf(q, 5))).toEqual(questions.map((q) => foldOf(q, 5)));
    expect(new Set(questions.map((q) => foldOf(q, 5)))).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it('cuts the same questions another way for another cut, the same way every time', () => {
    const questions = Array.from({ length: 200 }, (_, i) => `question ${i}`);
    const other = questions.map((q) => foldOf(q, 5, 'a'));
    expect(other).toEqual(questions.map((q) => foldOf(q, 5, 'a')));
    expect(new Set(other)).toEqual(new Set([0, 1, 2, 3, 4]));
    const moved = questions.filter((q, i) => foldOf(q, 5) !== other[i]).length;
    expect(moved).toBeGreaterThan(100);
  });
});
