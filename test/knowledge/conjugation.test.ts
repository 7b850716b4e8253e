import { describe, expect, it } from 'vitest';
import { verbStems } from '../../bot/knowledge/conjugation.js';

const ENDINGS = new Set(['요', '서', '도', '야', '는', '세요']);
const stems = (word: string) => verbStems(word, (rest) => ENDINGS.has(rest));

describe('the stems of a Korean verb form', () => {
  it('unfold the past tense folded into the last syllable of the stem', () => {
    expect(stems('지웠어요')).toContain('지우');
    expect(stems('올렸더니')).toContain('올리');
    expect(stems('멈췄는데')).toContain('멈추');
    expect(stems('바꿨다')).toContain('바꾸');
    expect(stems('돌렸습니다')).toContain('돌리');
  });

  it('take a past tense written as a syllable of its own off a stem ending in a consonant', () => {
    expect(stems('받았다')).toEqual(['받']);
    expect(stems('만들었어요')).toEqual(['만들']);
  });

  it('unfold the 아/어 form when an ending follows it, or nothing does', () => {
    expect(stems('올려요')).toContain('올리');
    expect(stems('지워서')).toContain('지우');
    expect(stems('나눠')).toContain('나누');
    expect(stems('봐도')).toContain('보');
    expect(stems('해야')).toContain('하');
  });

  it('give ㅡ back only to a one-syllable stem: 꺼 is 끄, while 드라이버 is a loanword and no verb', () => {
    expect(stems('껐다')).toContain('끄');
    expect(stems('드라이버')).not.toContain('드라이브');
  });

  it('return 르 its ㄹ in 몰라 and 골랐다, and leave 달아 (달다, to attach) alone', () => {
    expect(stems('몰라요')).toContain('모르');
    expect(stems('골랐다')).toContain('고르');
    expect(stems('달아')).toEqual(['달']);
  });

  it('give a stem of two syllables or more back the ㄹ it drops before ㄴ and ㅅ (만드는 → 만들), and not one of one syllable (푸는)', () => {
    expect(stems('만드는')).toContain('만들');
    expect(stems('만드세요')).toContain('만들');
    expect(stems('푸는')).not.toContain('풀');
  });

  it('read the last ㅆ as the past tense, after which any ending may follow', () => {
    expect(stems('있었는데')[0]).toBe('있');
  });

  it('find no stem where no 아/어 or past tense is folded in, or the word is not Hangul', () => {
    expect(stems('아이디어')).toEqual([]);
    expect(stems('docker')).toEqual([]);
    expect(stems('볼륨을')).toEqual([]);
  });
});
