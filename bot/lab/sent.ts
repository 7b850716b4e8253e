/*
 * An upload may lend a connection memory that is read into again afterwards (a load's ring of
 * pieces, hash-thread.ts): the lender waits for the connection's word that the operating system
 * has each such chunk. The connections reused-read-socket.ts makes give that word; any other
 * connection gets copies instead (Engine.reportsSent).
 */
const waiting = new WeakMap<Uint8Array, () => void>();

/** Calls `then` once a connection has handed `chunk` on, or failed to. */
export function whenSent(chunk: Uint8Array, then: () => void): void {
  waiting.set(chunk, then);
}

/** A connection's word: `chunk` is with the operating system, or will never be sent. */
export function sent(chunk: Uint8Array): void {
  const then = waiting.get(chunk);
  waiting.delete(chunk);
  then?.();
}
