import { describe, expect, it } from 'vitest';
import { withPairs } from '../../bot/knowledge/term-pairs.js';

describe('what the topic model weighs of a question', () => {
  it('is its terms, then each two neighbouring terms as one, in sorted order', () => {
    expect(withPairs(['save', 'load', 'image'])).toEqual(['save', 'load', 'image', 'load+save', 'image+load']);
  });

  it('pairs no kind term and no term with itself', () => {
    expect(withPairs(['stop', 'stop', 'kill', '?why'])).toEqual(['stop', 'stop', 'kill', '?why', 'kill+stop']);
    expect(withPairs(['volume'])).toEqual(['volume']);
  });
});
