import { describe, expect, it } from 'vitest';
import { syllableOf } from '../../bot/knowledge/hangul-syllable.js';

describe('the letters of a Hangul syllable', () => {
  it('are its first letter, vowel and final, a compound vowel as its parts', () => {
    expect(syllableOf('웠')).toEqual({ choseong: 'ㅇ', jungseong: 'ㅜㅓ', jongseong: 'ㅆ' });
    expect(syllableOf('가')).toEqual({ choseong: 'ㄱ', jungseong: 'ㅏ', jongseong: '' });
  });

  it('are none for a bare letter, another script or nothing', () => {
    expect(syllableOf('ㅋ')).toBeUndefined();
    expect(syllableOf('a')).toBeUndefined();
    expect(syllableOf(undefined)).toBeUndefined();
  });
});
