import { describe, expect, expectTypeOf, it } from 'vitest';
import { andThen, fail, map, ok, type Result } from '../../bot/core/result.js';

const half = (n: number): Result<number, 'odd'> => (n % 2 === 0 ? ok(n / 2) : fail('odd', { n }));

describe('results that compose', () => {
  it('map transforms a value and passes a failure through as it was', () => {
    expect(map(ok(2), (n) => `${n}!`)).toEqual({ ok: true, value: '2!' });
    const failed = fail('lab.x', { host: 'a' });
    expect(map(failed, () => 'never')).toBe(failed);
  });

  it('andThen runs the next step only on a value, and the first failure wins', () => {
    expect(andThen(ok(8), half)).toEqual({ ok: true, value: 4 });
    expect(andThen(ok(3), half)).toEqual({ ok: false, error: { id: 'odd', vars: { n: 3 } } });
    const first = fail('first');
    let ran = false;
    expect(andThen(first, (n: number) => ((ran = true), half(n)))).toBe(first);
    expect(ran).toBe(false);
  });

  it('andThen keeps both failure ids in the type', () => {
    const chained = andThen(ok(8) as Result<number, 'first'>, half);
    expectTypeOf(chained).toEqualTypeOf<Result<number, 'first' | 'odd'>>();
  });
});
