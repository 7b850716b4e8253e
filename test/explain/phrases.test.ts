import { describe, expect, it } from 'vitest';
import { phrasebook } from '../../bot/explain/phrases.js';
import { createI18n, translator } from '../../bot/i18n.js';

const i18n = createI18n();

describe('the explain phrasebook', () => {
  it('says exactly what i18next says for the same key and values, in both languages', () => {
    for (const lang of ['en', 'ko'] as const) {
      const t = translator(i18n, lang);
      const phrase = phrasebook(lang);
      const vars = { container: '80', host: '8080', protocol: 'tcp', where: 'x' };
      expect(phrase('reader.publish', vars)).toBe(t('explain:reader.publish', vars));
      expect(phrase('image.latest')).toBe(t('explain:image.latest'));
      for (const count of [1, 3]) {
        expect(phrase('reader.restart.onFailure', { count, retries: String(count) })).toBe(t('explain:reader.restart.onFailure', { count, retries: String(count) }));
      }
    }
  });

  it('chooses the English plural form by count', () => {
    const phrase = phrasebook('en');
    expect(phrase('reader.restart.onFailure', { count: 1, retries: '1' })).toContain('at most 1 time.');
    expect(phrase('reader.restart.onFailure', { count: 5, retries: '5' })).toContain('at most 5 times.');
  });
});
