import { lowercaseRepository, splitImage } from './image.js';
import { CREATES_CONTAINER, isOn, knownOptions, valueOf } from './line.js';
import type { Token } from './parse.js';
import { meantPolicy, readRestartPolicy } from './restart-policy.js';
import type { Risk, RiskId } from './risks.js';

/** What makes docker refuse the whole line before it does anything: the explanation must not say it runs. */
export function refusalsOf(tokens: readonly Token[], command: string | undefined): Risk[] {
  return [...unknownRestartPolicy(tokens, command), ...restartWithRm(tokens, command), ...swapWithoutMemory(tokens, command), ...uppercaseNames(tokens)];
}

/** `--restart unles-stopped`, `--restart always:3`, `--restart :3`: docker refuses the value (restart-policy.ts). */
function unknownRestartPolicy(tokens: readonly Token[], command: string | undefined): Risk[] {
  const value = valueOf(tokens, 'restart');
  if (!CREATES_CONTAINER.has(command ?? '') || value === undefined || value === '') return [];
  const reading = readRestartPolicy(value);
  if (reading.ok) return [];
  const { policy, count } = reading;
  const refused = (id: RiskId, vars: Record<string, string> = {}): Risk[] => [{ token: '--restart', id, vars: { value, policy, count, ...vars } }];
  if (reading.problem === 'malformed') return refused('restartPolicyMalformed');
  if (reading.problem === 'countNotOnFailure') return refused('restartCountNotOnFailure');
  const meant = meantPolicy(policy);
  // `on-faliure:3` meant on-failure:3: the count stays with the one policy that takes it.
  const written = meant === 'on-failure' && count !== '' ? `${meant}:${count}` : meant;
  return refused(meant ? 'restartPolicySlip' : 'restartPolicyUnknown', { meant: written ?? '' });
}

/** `--restart always --rm`: a container removed when it exits cannot be restarted; only the policy `no` goes with --rm. */
function restartWithRm(tokens: readonly Token[], command: string | undefined): Risk[] {
  const reading = readRestartPolicy(valueOf(tokens, 'restart') ?? 'no');
  // A policy docker doesn't read is refused for that already.
  if (!CREATES_CONTAINER.has(command ?? '') || !isOn(tokens, 'rm') || !reading.ok || reading.policy === 'no') return [];
  return [{ token: '--restart', id: 'restartWithRm', vars: { policy: reading.policy } }];
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
