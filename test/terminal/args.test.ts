import { describe, expect, it } from 'vitest';
import { parseLang, takeLang } from '../../bot/terminal/args.js';

describe('the --lang option', () => {
  it('is read in both spellings, the first one given wins, and every one leaves the command line', () => {
    expect(takeLang(['lab', 'ps', '--lang', 'ko', '-a'])).toEqual({ value: 'ko', rest: ['lab', 'ps', '-a'] });
    expect(takeLang(['--lang=en', 'ask', 'x', '--lang', 'ko'])).toEqual({ value: 'en', rest: ['ask', 'x'] });
    expect(takeLang(['lab', 'images'])).toEqual({ value: undefined, rest: ['lab', 'images'] });
    expect(takeLang(['lab', '--lang'])).toEqual({ value: undefined, rest: ['lab'] });
  });

  it('accepts en and ko only', () => {
    expect(parseLang('ko')).toEqual({ ok: true, value: 'ko' });
    expect(parseLang('fr')).toEqual({ ok: false, error: { id: 'terminal.args.lang', vars: { value: 'fr' } } });
  });
});
