import { editDistance } from '../knowledge/fuzzy.js';
import { lowercaseRepository, splitImage } from './image.js';
import { CREATES_CONTAINER, isOn, knownOptions, valueOf } from './line.js';
import type { Token } from './parse.js';
import type { Risk, RiskId } from './risks.js';

/** What makes docker refuse the whole line before it does anything: the explanation must not say it runs. */
export function refusalsOf(tokens: readonly Token[], command: string | undefined): Risk[] {
  return [...unknownRestartPolicy(tokens, command), ...restartWithRm(tokens, command), ...swapWithoutMemory(tokens, command), ...uppercaseNames(tokens)];
}

const RESTART_POLICIES: readonly string[] = ['no', 'always', 'on-failure', 'unless-stopped'];

/**
 * `--restart unles-stopped`, `--restart always:3`, `--restart :3`: read as docker's CLI reads it (the
 * policy, then after the first colon a whole number, none meaning 0 since CLI 25), then as the daemon checks it
 * (one of four policies; a count other than 0 only with on-failure, never below 0).
 */
function unknownRestartPolicy(tokens: readonly Token[], command: string | undefined): Risk[] {
  const value = valueOf(tokens, 'restart');
  if (!CREATES_CONTAINER.has(command ?? '') || value === undefined || value === '') return [];
  const colon = value.indexOf(':');
  const policy = colon < 0 ? value : value.slice(0, colon);
  const count = colon < 0 ? '' : value.slice(colon + 1);
  const refused = (id: RiskId, vars: Record<string, string> = {}): Risk[] => [{ token: '--restart', id, vars: { value, policy, count, ...vars } }];
  // Beyond 18 digits the CLI's integer overflows and it refuses the count too.
  if (policy === '' || (count !== '' && !/^[+-]?\d{1,18}$/u.test(count))) return refused('restartPolicyMalformed');
  if (!RESTART_POLICIES.includes(policy)) {
    const meant = meantPolicy(policy);
    // `on-faliure:3` meant on-failure:3: the count stays with the one policy that takes it.
    const written = meant === 'on-failure' && count !== '' ? `${meant}:${count}` : meant;
    return refused(meant ? 'restartPolicySlip' : 'restartPolicyUnknown', { meant: written ?? '' });
  }
  const retries = Number(count);
  if (retries < 0) return refused('restartPolicyMalformed');
  if (retries !== 0 && policy !== 'on-failure') return refused('restartCountNotOnFailure');
  return [];
}

/**
 * The policy a slip most likely meant: the same in other capitals, or the nearest within one letter
 * (two for the long ones). One or two letters say too little to guess from ("on" is no slip of "no").
 */
function meantPolicy(written: string): string | undefined {
  const lower = written.toLowerCase();
  if (RESTART_POLICIES.includes(lower)) return lower;
  if (lower.length <= 2) return undefined;
  const most = lower.length < 6 ? 1 : 2;
  const near = RESTART_POLICIES.map((policy) => ({ policy, distance: editDistance(lower, policy, most) })).filter(({ distance }) => distance <= most);
  return near.sort((a, b) => a.distance - b.distance)[0]?.policy;
}

/** `--restart always --rm`: a container removed when it exits cannot be restarted; only the policy `no` goes with --rm. */
function restartWithRm(tokens: readonly Token[], command: string | undefined): Risk[] {
  const policy = (valueOf(tokens, 'restart') ?? 'no').split(':')[0];
  // A policy docker doesn't know is refused for that already.
  if (!CREATES_CONTAINER.has(command ?? '') || !isOn(tokens, 'rm') || policy === 'no' || policy === undefined || !RESTART_POLICIES.includes(policy)) return [];
  return [{ token: '--restart', id: 'restartWithRm', vars: { policy: policy ?? '' } }];
}

/** `--memory-swap 1g` without `-m`: the daemon needs the memory limit that the swap limit adds to (-1, unlimited swap, needs none). */
function swapWithoutMemory(tokens: readonly Token[], command: string | undefined): Risk[] {
  const swap = valueOf(tokens, 'memory-swap');
  if (!CREATES_CONTAINER.has(command ?? '') || swap === undefined || swap === '-1' || swap === '0' || valueOf(tokens, 'memory') !== undefined) return [];
  return [{ token: '--memory-swap', id: 'memorySwapAlone', vars: { value: swap } }];
}

/** `Nginx`, `-t MyApp:Latest`: docker refuses a repository with capitals ("repository name must be lowercase"); a tag may have them. */
function uppercaseNames(tokens: readonly Token[]): Risk[] {
  const names = [
    ...tokens.filter((token) => token.kind === 'operand' && token.operand === 'image').map((token) => ({ token: token.typed, reference: token.typed })),
    ...knownOptions(tokens)
      .filter((token) => token.option!.reader === 'tag' && token.value !== undefined)
      .map((token) => ({ token: token.typed, reference: token.value! })),
  ];
  return names
    .filter(({ reference }) => splitImage(reference).problem === 'uppercase')
    .map(({ token, reference }) => ({ token, id: 'uppercaseRepository', vars: { reference, lowercase: lowercaseRepository(reference) } }));
}
