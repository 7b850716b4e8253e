import { describe, expect, it } from 'vitest';
import { TermList } from '../../bot/knowledge/term-list.js';

describe('a term list', () => {
  it('hands out the terms gathered, in order, as a list of exactly their size', () => {
    const list = new TermList();
    [4, 0, 7].forEach((term) => list.push(term));
    expect(list.length).toBe(3);
    expect(list.copy()).toEqual(Int32Array.of(4, 0, 7));
  });

  it('keeps every term as it grows past its first room', () => {
    const list = new TermList();
    for (let term = 0; term < 5000; term++) list.push(term);
    expect(Array.from(list.copy())).toEqual(Array.from({ length: 5000 }, (_, term) => term));
  });

  it('starts again empty once cleared, and a copy handed out before stays as it was', () => {
    const list = new TermList();
    list.push(1);
    const before = list.copy();
    list.clear();
    list.push(2);
    expect(list.length).toBe(1);
    expect(list.copy()).toEqual(Int32Array.of(2));
    expect(before).toEqual(Int32Array.of(1));
  });
});
