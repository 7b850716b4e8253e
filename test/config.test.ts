import { describe, expect, it } from 'vitest';
import { configSchema, readConfig } from '../bot/config.js';
import { createI18n, explain, translator } from '../bot/i18n.js';

const i18n = createI18n();

describe('a bad setting', () => {
  it("is explained in Gorae's words, not zod's", () => {
    const config = readConfig({ GORAE_LANG: 'fr' });
    if (config.ok) throw new Error('GORAE_LANG=fr was accepted');
    const text = explain(translator(i18n, 'en'), config.error);
    expect(text).toBe(
      "The setting GORAE_LANG is not valid: it must be en or ko. Fix it in the environment (see the README's table of settings) and run the command again.",
    );
    expect(text).not.toMatch(/Invalid option|expected one of/);
  });

  it.each(['GORAE_EXCHANGE_DIR', 'GORAE_AUDIT_LOG', 'GORAE_GAPS_FILE', 'GORAE_TLS_DIR', 'GORAE_HEALTH_FILE'])(
    'is a relative path in %s, which would land wherever Gorae was started from',
    (variable) => {
      const config = readConfig({ [variable]: 'relative/dir' });
      expect(config.ok ? 'accepted' : config.error.vars).toEqual({ variable });
      expect(readConfig({ [variable]: '/srv/gorae/data' }).ok).toBe(true);
    },
  );

  it.each(Object.keys(configSchema.shape))('%s has its expectation written in English and Korean', (variable) => {
    for (const lang of ['en', 'ko'] as const) {
      const text = translator(i18n, lang)('common:config.invalid', { variable } as never);
      expect(text).toContain(variable);
      expect(text).not.toContain('$t(');
      expect(text).not.toContain('common:config.expected');
    }
  });
});
