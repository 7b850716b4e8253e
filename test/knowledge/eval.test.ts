import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import { realKnowledge } from '../support/knowledge.js';
import { evaluate, readDevSet, readTestSet, share, type Evaluation, type Labelled } from './eval-set.js';

let knowledge: Knowledge;
let dev: Labelled[];
let test: Labelled[];
let devResult: Evaluation;
let testResult: Evaluation;

beforeAll(async () => {
  knowledge = await realKnowledge();
  dev = readDevSet();
  test = readTestSet();
  devResult = evaluate(knowledge, dev);
  testResult = evaluate(knowledge, test);
});

describe('the development set', () => {
  it('has at least 5 questions for every topic and labels only real topics', () => {
    const counts = new Map<string, number>();
    for (const item of dev) if (item.topic) counts.set(item.topic, (counts.get(item.topic) ?? 0) + 1);
    for (const id of counts.keys()) expect(knowledge.topic(id), id).toBeDefined();
    for (const topic of knowledge.topics) expect(counts.get(topic.id) ?? 0, topic.id).toBeGreaterThanOrEqual(5);
  });

  it('is answered right for at least 95 % of its questions', () => {
    const a = devResult.all.answerable;
    expect(share(a.right, a.total)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the held-out set of real questions', () => {
  it('holds at least 300 real Docker questions, 60 real non-Docker ones and 60 pasted errors, each with its source', () => {
    expect(test.filter((item) => item.docker && item.group !== 'error').length).toBeGreaterThanOrEqual(300);
    expect(test.filter((item) => !item.docker).length).toBeGreaterThanOrEqual(60);
    expect(test.filter((item) => item.group === 'error').length).toBeGreaterThanOrEqual(60);
    for (const item of test) expect(item.src, item.q).toMatch(/^https?:\/\//u);
  });

  it('labels only topics that exist, or none', () => {
    const unknown = test.filter((item) => item.topic !== null && !knowledge.topic(item.topic)).map((item) => item.topic);
    expect(unknown).toEqual([]);
  });

  it('answers at least 90 % of the questions whose topic exists right, and at most 2 % wrong', () => {
    const a = testResult.all.answerable;
    expect(share(a.right, a.total)).toBeGreaterThanOrEqual(0.9);
    expect(share(a.wrong, a.total)).toBeLessThanOrEqual(0.02);
  });

  it('answers at most 3 % of the non-Docker questions', () => {
    const n = testResult.all.nonDocker;
    expect(share(n.answered, n.total)).toBeLessThanOrEqual(0.03);
  });

  it('answers at least 85 % of the everyday-Docker questions right and at most 2 % wrong', () => {
    const a = testResult.by.get('everyday')!.answerable;
    expect(share(a.right, a.total)).toBeGreaterThanOrEqual(0.85);
    expect(share(a.wrong, a.total)).toBeLessThanOrEqual(0.02);
  });

  it('answers at least 90 % of the real pasted errors with their cause and fix', () => {
    const a = testResult.by.get('error')!.answerable;
    expect(share(a.right, a.total)).toBeGreaterThanOrEqual(0.9);
  });
});
