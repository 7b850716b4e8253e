import type { ExplainKey } from './phrases.js';

/** `CONTAINER:PATH`; a Windows drive (`C:\data`, `C:/data`) is a host path, as docker cp reads it. */
const IN_CONTAINER = /^(?![A-Za-z]:[\\/])([^:/\\.][^:]*):(.*)$/;

/**
 * What a path of `docker cp SRC DEST` is, by where it stands: the source first, then the destination.
 * `-` is a tar stream: read from standard input as the source, written to standard output as the destination.
 */
export function cpPathKey(typed: string, index: number): { key: ExplainKey; vars?: Record<string, string> } {
  const source = index === 0;
  if (typed === '-') return { key: source ? 'operand.cp.stdin' : 'operand.cp.stdout' };
  const inContainer = IN_CONTAINER.exec(typed);
  if (inContainer) return { key: source ? 'operand.cp.fromContainer' : 'operand.cp.toContainer', vars: { container: inContainer[1]!, path: inContainer[2] || '/' } };
  if (!source && (typed === '.' || typed === './')) return { key: 'operand.cp.toHere' };
  return { key: source ? 'operand.cp.fromHost' : 'operand.cp.toHost', vars: { path: typed } };
}
