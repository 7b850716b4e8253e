import { describe, expect, it } from 'vitest';
import { TermNumbers } from '../../bot/knowledge/term-numbers.js';

describe('term numbers', () => {
  it('number terms in the order first met, each once', () => {
    const numbering = new TermNumbers();
    expect(['run', 'container', 'run', '컨테이너'].map((term) => numbering.number(term))).toEqual([0, 1, 0, 2]);
    expect(numbering.size).toBe(3);
    expect(numbering.term(1)).toBe('container');
    expect(numbering.termsOf([2, 0, 0])).toEqual(['컨테이너', 'run', 'run']);
  });

  it('find a term without numbering it', () => {
    const numbering = new TermNumbers();
    numbering.number('run');
    expect(numbering.find('run')).toBe(0);
    expect(numbering.find('stop')).toBeUndefined();
    expect(numbering.size).toBe(1);
  });
});
