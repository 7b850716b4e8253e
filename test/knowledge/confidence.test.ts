import { describe, expect, it } from 'vitest';
import { confidence, evidenceOf, type Declared } from '../../bot/knowledge/confidence.js';
import type { Hit, Reading } from '../../bot/knowledge/search.js';

const reading = (terms: string[]): Reading => ({ terms, words: terms.length, coverage: 1, outside: false, signal: 'core', dockerShare: 0.5 });
const hit = (id: string, score: number, example = 0): Hit => ({ id, score, example });
const topics: Record<string, Declared> = {
  'stop-vs-kill': { title: new Set(['stop', 'vs', 'kill']), declared: new Set(['stop', 'vs', 'kill', 'sigterm', 'sigkill']) },
  'err-oom-killed': { title: new Set(['oom', 'kill']), declared: new Set(['oom', 'kill', 'memory']) },
};
const declaredBy = (id: string): Declared => topics[id]!;

describe('the evidence behind an answer', () => {
  it('measures how much of the best topic’s title the question names, and how much of the question the topic declares', () => {
    const evidence = evidenceOf(reading(['docker', 'stop', 'kill']), [hit('stop-vs-kill', 40), hit('err-oom-killed', 20)], declaredBy);
    expect(evidence.title).toBeCloseTo(2 / 3);
    expect(evidence.declared).toBeCloseTo(2 / 3);
  });

  it('reads the lead over the second and the third topic, a missing rival counting as far behind', () => {
    const evidence = evidenceOf(reading(['stop', 'kill']), [hit('stop-vs-kill', 40), hit('err-oom-killed', 20)], declaredBy);
    expect(evidence.lead).toBeCloseTo(Math.log(2));
    expect(evidence.leadThird).toBeCloseTo(Math.log(10));
  });

  it('is surer when the question names the topic’s title than when it only shares a word with it', () => {
    const hits = [hit('stop-vs-kill', 40), hit('err-oom-killed', 30)];
    const naming = confidence(evidenceOf(reading(['stop', 'vs', 'kill']), hits, declaredBy));
    const sharing = confidence(evidenceOf(reading(['kill', 'process', 'port']), hits, declaredBy));
    expect(naming).toBeGreaterThan(sharing);
  });

  it('knows nothing of a search that found no topic', () => {
    const evidence = evidenceOf(reading(['hello']), [], declaredBy);
    expect(evidence).toMatchObject({ lead: 0, title: 0, declared: 0, leadThird: 0 });
  });
});
