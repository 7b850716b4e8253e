import { editDistance } from '../knowledge/fuzzy.js';
import { lowercaseRepository, splitImage } from './image.js';
import { CREATES_CONTAINER, isOn, knownOptions, valueOf } from './line.js';
import type { Token } from './parse.js';
import type { Risk } from './risks.js';

/** What makes docker refuse the whole line before it does anything: the explanation must not say it runs. */
export function refusalsOf(tokens: readonly Token[], command: string | undefined): Risk[] {
  return [...unknownRestartPolicy(tokens, command), ...restartWithRm(tokens, command), ...swapWithoutMemory(tokens, command), ...uppercaseNames(tokens)];
}

const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'] as const;

/**
 * `--restart unles-stopped`, `--restart always:3`: the daemon knows four policies, and a retry count
 * only with on-failure ("invalid restart policy: …"). A slip of one or two letters names the policy meant.
 */
function unknownRestartPolicy(tokens: readonly Token[], command: string | undefined): Risk[] {
  const value = valueOf(tokens, 'restart');
  if (!CREATES_CONTAINER.has(command ?? '') || value === undefined || value === '') return [];
  const [policy = '', count] = value.split(':');
  if (!(RESTART_POLICIES as readonly string[]).includes(policy)) {
    const meant = RESTART_POLICIES.find((known) => editDistance(policy.toLowerCase(), known, 2) <= 2);
    return [{ token: '--restart', id: meant ? 'restartPolicySlip' : 'restartPolicyUnknown', vars: { policy, meant: meant ?? '' } }];
  }
  if (count !== undefined && policy !== 'on-failure') return [{ token: '--restart', id: 'restartCountNotOnFailure', vars: { policy, count } }];
  return [];
}

/** `--restart always --rm`: a container removed when it exits cannot be restarted; only the policy `no` goes with --rm. */
function restartWithRm(tokens: readonly Token[], command: string | undefined): Risk[] {
  const policy = (valueOf(tokens, 'restart') ?? 'no').split(':')[0];
  if (!CREATES_CONTAINER.has(command ?? '') || !isOn(tokens, 'rm') || policy === 'no' || policy === '') return [];
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
