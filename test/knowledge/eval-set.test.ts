import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../bot/knowledge/outcome.js';
import type { Topic } from '../../bot/knowledge/topic.js';
import { accepts, verdictOf, type Labelled } from './eval-set.js';

const topic = (id: string) => ({ id }) as Topic;
const answer = (id: string): Outcome => ({ status: 'answer', lang: 'en', topic: topic(id), score: 1, coverage: 1 });
const suggest = (...ids: string[]): Outcome => ({ status: 'suggest', lang: 'en', suggestions: ids.map(topic), score: 1, coverage: 1 });
const item = (also?: string[]): Labelled => ({ q: 'Where are the volumes stored?', topic: 'docker-data-root', docker: true, group: 'everyday', lang: 'en', also });

describe('judging an outcome against a labelled question', () => {
  it('counts an answer with the labelled topic or one the question also accepts as right, and any other as wrong', () => {
    expect(verdictOf(answer('docker-data-root'), item(['volumes']))).toBe('right');
    expect(verdictOf(answer('volumes'), item(['volumes']))).toBe('right');
    expect(verdictOf(answer('volumes'), item())).toBe('wrong');
    expect(verdictOf(answer('system-prune'), item(['volumes']))).toBe('wrong');
  });

  it('counts a "did you mean" as right first only when its first topic is accepted', () => {
    expect(verdictOf(suggest('volumes', 'docker-data-root'), item(['volumes']))).toBe('suggest-first');
    expect(verdictOf(suggest('system-prune', 'docker-data-root'), item(['volumes']))).toBe('suggest-other');
  });

  it('accepts nothing for a question labelled with no topic', () => {
    expect(accepts({ ...item(), topic: null }, 'volumes')).toBe(false);
    expect(accepts(item(), undefined)).toBe(false);
  });
});
