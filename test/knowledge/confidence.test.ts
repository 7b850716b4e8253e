import { describe, expect, it } from 'vitest';
import { confidence, evidenceOf, type Declared, type TopicFacts } from '../../bot/knowledge/confidence.js';
import type { Hit, Reading } from '../../bot/knowledge/reading.js';
import { shippedCalibration } from '../support/knowledge.js';

const { weights } = await shippedCalibration();

const reading = (terms: string[]): Reading => ({ terms, words: terms.length, coverage: 1, whole: true, outside: false, signal: 'core', dockerShare: 0.5, kinds: [] });
const hit = (id: string, score: number, example = 0): Hit => ({ id, score, example });
const topics: Record<string, Declared> = {
  'stop-vs-kill': { title: new Set(['stop', 'vs', 'kill']), declared: new Set(['stop', 'vs', 'kill', 'sigterm', 'sigkill']) },
  'err-oom-killed': { title: new Set(['oom', 'kill']), declared: new Set(['oom', 'kill', 'memory']) },
};
const reliable: Record<string, number> = { 'stop-vs-kill': 0.9, 'err-oom-killed': 0.4 };
const facts: TopicFacts = { declaredBy: (id) => topics[id]!, reliabilityOf: (id) => reliable[id] };

describe('the evidence behind an answer', () => {
  it('measures how much of the best topic’s title the question names, and how much of the question the topic declares', () => {
    const evidence = evidenceOf(reading(['docker', 'stop', 'kill']), [hit('stop-vs-kill', 40), hit('err-oom-killed', 20)], facts);
    expect(evidence.title).toBeCloseTo(2 / 3);
    expect(evidence.declared).toBeCloseTo(2 / 3);
  });

  it('reads the lead over the second and the third topic, a missing rival counting as far behind', () => {
    const evidence = evidenceOf(reading(['stop', 'kill']), [hit('stop-vs-kill', 40), hit('err-oom-killed', 20)], facts);
    expect(evidence.lead).toBeCloseTo(Math.log(2));
    expect(evidence.leadThird).toBeCloseTo(Math.log(10));
  });

  it('is surer when the best topic is far ahead of the next than when a rival is close', () => {
    const terms = reading(['stop', 'vs', 'kill']);
    const ahead = confidence(evidenceOf(terms, [hit('stop-vs-kill', 40), hit('err-oom-killed', 10)], facts), weights);
    const close = confidence(evidenceOf(terms, [hit('stop-vs-kill', 40), hit('err-oom-killed', 38)], facts), weights);
    expect(ahead).toBeGreaterThan(close);
  });

  it('is surer when the question follows one of the best topic’s example questions closely', () => {
    const terms = reading(['stop', 'vs', 'kill']);
    const following = confidence(evidenceOf(terms, [hit('stop-vs-kill', 40, 0.9), hit('err-oom-killed', 30)], facts), weights);
    const not = confidence(evidenceOf(terms, [hit('stop-vs-kill', 40, 0.2), hit('err-oom-killed', 30)], facts), weights);
    expect(following).toBeGreaterThan(not);
  });

  it('reads how reliable the best topic has been when first as log-odds, and a topic never measured as even', () => {
    const terms = reading(['stop', 'kill']);
    expect(evidenceOf(terms, [hit('stop-vs-kill', 40), hit('err-oom-killed', 20)], facts).reliability).toBeCloseTo(Math.log(0.9 / 0.1));
    expect(evidenceOf(terms, [hit('err-oom-killed', 40), hit('stop-vs-kill', 20)], facts).reliability).toBeCloseTo(Math.log(0.4 / 0.6));
    const unmeasured: TopicFacts = { ...facts, reliabilityOf: () => undefined };
    expect(evidenceOf(terms, [hit('stop-vs-kill', 40)], unmeasured).reliability).toBe(0);
  });

  it('is surer of a topic that has usually been right when it came first, all else alike', () => {
    const terms = reading(['stop', 'vs', 'kill']);
    const hits = [hit('stop-vs-kill', 40), hit('err-oom-killed', 30)];
    const usually = confidence(evidenceOf(terms, hits, facts), weights);
    const seldom = confidence(evidenceOf(terms, hits, { ...facts, reliabilityOf: () => 0.3 }), weights);
    expect(usually).toBeGreaterThan(seldom);
  });

  it('knows nothing of a search that found no topic', () => {
    const evidence = evidenceOf(reading(['hello']), [], facts);
    expect(evidence).toMatchObject({ lead: 0, title: 0, declared: 0, leadThird: 0 });
  });
});
