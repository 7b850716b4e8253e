import { describe, expect, it } from 'vitest';
import { confidence, type Evidence } from '../../bot/knowledge/confidence.js';
import { fitWeights, mostRightWithin, shippedWeight, type Sample } from './confidence-fit.js';
import type { Tally } from './eval-set.js';

const evidence = (lead: number, example: number): Evidence => ({
  lead, example, exampleLead: 0, coverage: 1, core: 1, docker: 0.5, length: 1, title: 0, declared: 0, leadThird: lead, belief: 0.5, reliability: 0,
});
const sample = (lead: number, example: number, right: number, weight = 1): Sample => ({
  item: { q: `q ${lead} ${example}`, topic: 'ps', docker: true, group: 'real everyday', lang: 'en' },
  fold: 0,
  evidence: evidence(lead, example),
  right,
  weight,
});
const samples = [sample(2.5, 1, 1), sample(2, 0.8, 1), sample(1.5, 0.9, 1, 3), sample(0.3, 0.4, 0), sample(0.1, 0.6, 0, 3), sample(0.2, 0.2, 0)];

describe('fitting the confidence model', () => {
  it('rates every question whose best topic was right above every one whose best topic was wrong, when the lead tells them apart', () => {
    const weights = fitWeights(samples);
    const rights = samples.filter((s) => s.right).map((s) => confidence(s.evidence, weights));
    const wrongs = samples.filter((s) => !s.right).map((s) => confidence(s.evidence, weights));
    expect(Math.min(...rights)).toBeGreaterThan(Math.max(...wrongs));
    expect(weights.lead).toBeGreaterThan(0);
  });

  it('takes the same steps as gradient descent through the confidence function itself', () => {
    const keys = Object.keys(samples[0]!.evidence) as Array<keyof Evidence>;
    const reference: Record<string, number> = { bias: 0, ...Object.fromEntries(keys.map((key) => [key, 0])) };
    for (let step = 0; step < 20_000; step++) {
      const gradient: Record<string, number> = { bias: 0, ...Object.fromEntries(keys.map((key) => [key, 0])) };
      for (const { evidence: e, right, weight } of samples) {
        const error = weight * (confidence(e, reference as never) - right);
        gradient.bias! += error;
        for (const key of keys) gradient[key]! += error * e[key];
      }
      reference.bias! -= (0.05 * gradient.bias!) / samples.length;
      for (const key of keys) reference[key]! -= 0.05 * (gradient[key]! / samples.length + 0.001 * reference[key]!);
    }
    expect(fitWeights(samples)).toEqual(reference);
  });
});

describe('a weight as the calibration file ships it', () => {
  it('is rounded to two places, and a small negative one is 0 as the file reads back, not -0', () => {
    expect(shippedWeight(1.23456)).toBe(1.23);
    expect(Object.is(shippedWeight(-0.004), 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(shippedWeight(-0.004)))).toEqual(shippedWeight(-0.004));
  });
});

describe('the most answered right within a budget of wrong answers', () => {
  /** What 200 answerable and 100 non-Docker questions met at one threshold. */
  const point = (right: number, wrong: number, nonDockerAnswered = 0): Tally => ({
    answerable: { total: 200, right, wrong, 'suggest-first': 0, 'suggest-other': 200 - right - wrong, unknown: 0, firstLabel: right, listed: 0 },
    uncovered: { total: 0, answered: 0 },
    nonDocker: { total: 100, answered: nonDockerAnswered },
  });

  it('takes the threshold that answers the most right while the wrong answers and answered non-Docker questions stay within their shares', () => {
    const points = [point(120, 5), point(100, 2), point(80, 1), point(50, 0)];
    expect(mostRightWithin(points, 0.01, 0.03)).toBe(0.5);
    expect(mostRightWithin(points, 0.005, 0.03)).toBe(0.4);
    expect(mostRightWithin(points, 0.03, 0.03)).toBe(0.6);
  });

  it('passes over a threshold that answers too many non-Docker questions', () => {
    expect(mostRightWithin([point(120, 1, 5), point(80, 1, 2)], 0.01, 0.03)).toBe(0.4);
  });

  it('is nothing when no threshold keeps within the budget', () => {
    expect(mostRightWithin([point(120, 9)], 0.01, 0.03)).toBe(0);
  });
});
