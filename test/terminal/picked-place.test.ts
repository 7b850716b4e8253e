import { describe, expect, it } from 'vitest';
import { pickedPlace } from '../../bot/terminal/picked-place.js';

describe('the place in a list a line points to', () => {
  it('reads a bare number, as typed after a list', () => {
    expect(['2', '2번', '#2', '2.'].map(pickedPlace)).toEqual([2, 2, 2, 2]);
  });

  it('reads English and Korean ordinals', () => {
    expect(['the first one', 'first', 'Second one.', '3rd', 'the second one please'].map(pickedPlace)).toEqual([1, 1, 2, 3, 2]);
    expect(['첫 번째', '두번째 거요', '세 번째 주제', '2번째'].map(pickedPlace)).toEqual([1, 2, 3, 2]);
  });

  it('points nowhere for a question or a sentence that only holds a number or an ordinal', () => {
    expect(['what is the first step?', 'port 8080', '첫 번째 컨테이너가 안 떠요', 'first time using docker'].map(pickedPlace)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
