import { describe, expect, it } from 'vitest';
import { meantPolicy, readRestartPolicy } from '../../bot/explain/restart-policy.js';

describe('a --restart value, read as docker reads it', () => {
  it('is a policy docker runs with, with a count of 0 or none for any of them', () => {
    expect(readRestartPolicy('unless-stopped')).toEqual({ ok: true, policy: 'unless-stopped', count: '' });
    expect(readRestartPolicy('on-failure:3')).toEqual({ ok: true, policy: 'on-failure', count: '3' });
    expect(readRestartPolicy('always:0').ok).toBe(true);
    expect(readRestartPolicy('always:').ok).toBe(true);
  });

  it('is refused for an unknown name, a count beside any policy but on-failure, or a count that is no whole number of 0 or more', () => {
    expect(readRestartPolicy('Always')).toMatchObject({ ok: false, problem: 'unknown' });
    expect(readRestartPolicy('always:3')).toMatchObject({ ok: false, problem: 'countNotOnFailure' });
    for (const value of [':3', 'always:2:3', 'on-failure:-1', 'always:-1', 'on-failure:x', `on-failure:${'9'.repeat(20)}`]) {
      expect(readRestartPolicy(value), value).toMatchObject({ ok: false, problem: 'malformed' });
    }
  });
});

describe('the policy a slip meant', () => {
  it('is the nearest policy, in other capitals or a letter or two off, and none from one or two letters', () => {
    expect(meantPolicy('Always')).toBe('always');
    expect(meantPolicy('unles-stopped')).toBe('unless-stopped');
    expect(meantPolicy('on-faliure')).toBe('on-failure');
    expect(meantPolicy('on')).toBeUndefined();
    expect(meantPolicy('sometimes')).toBeUndefined();
  });
});
