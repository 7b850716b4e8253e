import { describe, expect, it } from 'vitest';
import { createI18n, translator } from '../../bot/i18n.js';
import { confirms } from '../../bot/terminal/confirms.js';

const i18n = createI18n();

describe('a reply to a [y/N] question', () => {
  it.each(['y', 'Yes', ' ok '])('takes "%s" as a yes in English', (reply) => {
    expect(confirms(reply, translator(i18n, 'en'))).toBe(true);
  });

  it.each(['y', '네', '넵', '응', '웅', 'ㅇㅇ', 'ㅇㅋ', '그래', 'ㅛ'])('takes "%s" as a yes in Korean, ㅛ being y typed with the Korean keyboard on', (reply) => {
    expect(confirms(reply, translator(i18n, 'ko'))).toBe(true);
  });

  it.each(['', 'n', 'no', '아니요', 'maybe', 'yes please do it'])('takes "%s" as a no, as [y/N] promises', (reply) => {
    expect(confirms(reply, translator(i18n, 'en'))).toBe(false);
    expect(confirms(reply, translator(i18n, 'ko'))).toBe(false);
  });

  it('takes no reply at all as a no', () => {
    expect(confirms(undefined, translator(i18n, 'ko'))).toBe(false);
  });
});
