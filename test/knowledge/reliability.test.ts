import { describe, expect, it } from 'vitest';
import { reliability } from './reliability.js';

const firsts = (top: string, right: number, wrong: number) => [
  ...Array.from({ length: right }, () => ({ top, right: true })),
  ...Array.from({ length: wrong }, () => ({ top, right: false })),
];

describe('how reliable a topic is when it comes first', () => {
  it('is the share it answered right, pulled toward the share of all topics', () => {
    const hits = [...firsts('volumes', 8, 2), ...firsts('container', 2, 8)];
    const [volumes, container] = reliability(['volumes', 'container'], hits, 10);
    expect(volumes).toBeCloseTo((8 + 10 * 0.5) / 20);
    expect(container).toBeCloseTo((2 + 10 * 0.5) / 20);
  });

  it('trusts a long record more than a short one', () => {
    const hits = [...firsts('volumes', 90, 10), ...firsts('tags', 9, 1), ...firsts('container', 50, 50)];
    const [volumes, tags] = reliability(['volumes', 'tags', 'container'], hits, 10);
    expect(volumes).toBeGreaterThan(tags!);
  });

  it('gives a topic that never came first the share of all topics', () => {
    expect(reliability(['volumes', 'tags'], firsts('volumes', 3, 1), 10)[1]).toBeCloseTo(0.75);
  });

  it('has no record to go by without questions, and says even', () => {
    expect(reliability(['volumes'], [], 10)).toEqual([0.5]);
  });
});
