import { describe, expect, it } from 'vitest';
import { hasHangul, languageOf } from '../../bot/core/lang.js';

describe('telling Korean from English', () => {
  it('sees Hangul syllables, compatibility jamo and jamo, and nothing else', () => {
    expect(['고래', 'ㅋㅋ', '\u1100\u1161', 'run이랑 start'].map(hasHangul)).toEqual([true, true, true, true]);
    expect(['docker ps', '日本語', 'ｄｏｃｋｅｒ', ''].map(hasHangul)).toEqual([false, false, false, false]);
  });

  it('reads any Hangul as a Korean line', () => {
    expect(languageOf('docker ps가 뭐야')).toBe('ko');
    expect(languageOf('what is docker ps')).toBe('en');
  });
});
