import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../bot/core/paths.js';
import { loadKnowledge, type Knowledge } from '../../bot/knowledge/knowledge.js';
import { evaluate, readEvalSet } from './eval-set.js';

describe('the labelled evaluation set', () => {
  let knowledge: Knowledge;
  let result: ReturnType<typeof evaluate>;
  beforeAll(async () => {
    const loaded = await loadKnowledge(join(packageRoot(import.meta.url), 'knowledge'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    knowledge = loaded.value;
    result = evaluate(knowledge, readEvalSet());
  });

  it('has at least 5 questions for every topic and labels only real topics', () => {
    const set = readEvalSet();
    const counts = new Map<string, number>();
    for (const item of set.in_scope) counts.set(item.topic, (counts.get(item.topic) ?? 0) + 1);
    for (const id of counts.keys()) expect(knowledge.topic(id), id).toBeDefined();
    for (const topic of knowledge.topics) expect(counts.get(topic.id) ?? 0, topic.id).toBeGreaterThanOrEqual(5);
    expect(set.out_of_scope.filter((item) => item.kind === 'near').length * 2).toBeGreaterThanOrEqual(set.out_of_scope.length);
  });

  it('puts the right topic first for at least 95 % of in-scope questions', () => {
    expect(result.top1).toBeGreaterThanOrEqual(0.95);
  });

  it('answers at most 3 % of out-of-scope questions', () => {
    expect(result.outAnswered).toBeLessThanOrEqual(0.03);
  });
});
