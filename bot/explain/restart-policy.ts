import { editDistance } from '../knowledge/fuzzy.js';

const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'] as const;
export type RestartPolicy = (typeof RESTART_POLICIES)[number];

const isPolicy = (name: string): name is RestartPolicy => (RESTART_POLICIES as readonly string[]).includes(name);

/** A `--restart` value as docker reads it: a policy it runs with, or why it refuses the value. */
export type RestartReading =
  | { readonly ok: true; readonly policy: RestartPolicy; readonly count: string }
  | { readonly ok: false; readonly problem: 'malformed' | 'unknown' | 'countNotOnFailure'; readonly policy: string; readonly count: string };

/**
 * `unless-stopped`, `on-failure:3`, `unles-stopped`, `always:3`, `:3`: read as docker's CLI reads it
 * (the policy, then after the first colon a whole number, none meaning 0 since CLI 25), then as the
 * daemon checks it (one of four policies; a count other than 0 only with on-failure, never below 0).
 */
export function readRestartPolicy(value: string): RestartReading {
  const colon = value.indexOf(':');
  const policy = colon < 0 ? value : value.slice(0, colon);
  const count = colon < 0 ? '' : value.slice(colon + 1);
  // Beyond 18 digits the CLI's integer overflows and it refuses the count too.
  if (policy === '' || (count !== '' && !/^[+-]?\d{1,18}$/u.test(count)) || Number(count) < 0) return { ok: false, problem: 'malformed', policy, count };
  if (!isPolicy(policy)) return { ok: false, problem: 'unknown', policy, count };
  if (Number(count) !== 0 && policy !== 'on-failure') return { ok: false, problem: 'countNotOnFailure', policy, count };
  return { ok: true, policy, count };
}

/**
 * The policy a slip most likely meant: the same in other capitals, or the nearest within one letter
 * (two for the long ones). One or two letters say too little to guess from ("on" is no slip of "no").
 */
export function meantPolicy(written: string): RestartPolicy | undefined {
  const lower = written.toLowerCase();
  if (isPolicy(lower)) return lower;
  if (lower.length <= 2) return undefined;
  const most = lower.length < 6 ? 1 : 2;
  const near = RESTART_POLICIES.map((policy) => ({ policy, distance: editDistance(lower, policy, most) })).filter(({ distance }) => distance <= most);
  return near.sort((a, b) => a.distance - b.distance)[0]?.policy;
}
