import { describe, expect, it } from 'vitest';
import type { Lang } from '../../bot/core/lang.js';
import { answeringThresholds } from './answering-fit.js';
import type { Tally } from './eval-set.js';

/** A language's real development questions at a setting: 1,000 answerable with `wrong` answered wrong, 100 non-Docker with `nonDocker` answered. */
const tally = (wrong: number, nonDocker = 0): Tally => ({
  answerable: { total: 1000, right: 400, wrong, 'suggest-first': 0, 'suggest-other': 0, unknown: 0, firstLabel: 400, listed: 0 },
  uncovered: { total: 0, answered: 0 },
  nonDocker: { total: 100, answered: nonDocker },
});

/** Wrong answers per 1,000 fall by one each step of 0.01 from `atHalf` at 0.5. */
const falling = (atHalf: Record<Lang, number>, nonDocker: (needed: number) => number = () => 0) => (needed: number) =>
  new Map<Lang, Tally>((['en', 'ko'] as const).map((lang) => [lang, tally(Math.max(0, atHalf[lang] - Math.round((needed - 0.5) * 100)), nonDocker(needed))]));

describe('the confidence each language needs to answer', () => {
  it('is the lowest setting at which at most 1 % of its real questions are answered wrong', () => {
    // en: 40 wrong at 0.5, 10 (1 %) at 0.8; ko: 30 wrong at 0.5, 10 at 0.7 → Korean takes English's 0.8.
    expect(answeringThresholds(falling({ en: 40, ko: 30 }))).toEqual({ found: { en: 0.8, ko: 0.7 }, chosen: { en: 0.8, ko: 0.8 } });
  });

  it('keeps a Korean setting higher than the English one', () => {
    expect(answeringThresholds(falling({ en: 20, ko: 35 })).chosen).toEqual({ en: 0.6, ko: 0.75 });
  });

  it('also keeps answered non-Docker questions within 3 %', () => {
    const careless = (needed: number) => (needed < 0.9 ? 4 : 0);
    expect(answeringThresholds(falling({ en: 20, ko: 20 }, careless)).chosen).toEqual({ en: 0.9, ko: 0.9 });
  });

  it('answers nothing on confidence for a language no setting keeps within', () => {
    expect(answeringThresholds(falling({ en: 20, ko: 1000 }))).toEqual({ found: { en: 0.6, ko: 1 }, chosen: { en: 0.6, ko: 1 } });
  });
});
