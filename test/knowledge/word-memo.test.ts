import { describe, expect, it } from 'vitest';
import { WordMemo } from '../../bot/knowledge/word-memo.js';

/** What a memo holds for the word `text` holds from `start` to `end`, or undefined. */
const get = <Value>(memo: WordMemo<Value>, text: string, start: number, end: number): Value | undefined => {
  const place = memo.find(text, start, end);
  return place < 0 ? undefined : memo.valueAt(place);
};

describe('a word memo', () => {
  it('finds a word remembered wherever a text holds it', () => {
    const memo = new WordMemo<string | null>(100);
    memo.set('run', 'run');
    memo.set('the', null);
    expect(get(memo, 'docker run -it', 7, 10)).toBe('run');
    expect(get(memo, 'the', 0, 3)).toBeNull();
    expect(get(memo, 'docker run -it', 0, 6)).toBeUndefined();
    expect(get(memo, 'runs', 0, 4)).toBeUndefined();
    expect(get(memo, 'ru', 0, 2)).toBeUndefined();
  });

  it('tells where a word is remembered, places counting up from 0', () => {
    const memo = new WordMemo<string>(100);
    expect(memo.set('run', 'run')).toBe(0);
    expect(memo.set('컨테이너', 'container')).toBe(1);
    expect(memo.find('a 컨테이너', 2, 6)).toBe(1);
    expect(memo.valueAt(1)).toBe('container');
    expect(memo.find('stop', 0, 4)).toBe(-1);
  });

  it('keeps every word as it grows, Hangul as well', () => {
    const memo = new WordMemo<number>(100_000);
    const words = Array.from({ length: 5000 }, (_, k) => (k % 2 === 0 ? `w${k}` : `컨테이너${k}`));
    words.forEach((word, k) => expect(memo.set(word, k)).toBe(k));
    words.forEach((word, k) => expect(get(memo, ` ${word} `, 1, word.length + 1)).toBe(k));
  });

  it('starts afresh once it holds its limit, giving out places from 0 again', () => {
    const memo = new WordMemo<number>(3);
    ['a', 'b', 'c'].forEach((word, k) => memo.set(word, k));
    expect(memo.set('d', 3)).toBe(0);
    expect(get(memo, 'a', 0, 1)).toBeUndefined();
    expect(get(memo, 'd', 0, 1)).toBe(3);
  });
});
