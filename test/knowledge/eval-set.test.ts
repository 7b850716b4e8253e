import { describe, expect, it } from 'vitest';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import type { Outcome } from '../../bot/knowledge/outcome.js';
import type { Topic } from '../../bot/knowledge/topic.js';
import { accepts, evaluate, verdictOf, type Labelled } from './eval-set.js';

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

describe('evaluating a set of questions', () => {
  // A knowledge base that meets each question with the outcome written for it.
  const meeting = (outcomes: Readonly<Record<string, Outcome>>): Knowledge => ({
    topics: [],
    topic: (id) => topic(id),
    ask: (question) => outcomes[question]!,
    pastedError: () => undefined,
    asksAboutOutcome: () => false,
    kindsOf: () => [],
    termsOf: () => [],
    knowsNoWordOf: () => false,
    complete: () => [],
  });
  const asked = (q: string): Labelled => ({ ...item(), q });

  it('counts a "did you mean" list as listing the right topic wherever in the list it stands', () => {
    const result = evaluate(
      meeting({ first: suggest('docker-data-root', 'volumes'), second: suggest('system-prune', 'docker-data-root'), absent: suggest('system-prune'), answered: answer('docker-data-root') }),
      ['first', 'second', 'absent', 'answered'].map(asked),
    );
    expect(result.all.answerable).toMatchObject({ total: 4, right: 1, 'suggest-first': 1, 'suggest-other': 2, listed: 2 });
  });
});
