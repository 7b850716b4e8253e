/** Failures that mean someone chose to stop (a declined load, Ctrl+C), not that something broke. */
const CANCELLED: ReadonlySet<string> = new Set(['lab.load.declined', 'lab.save.cancelled', 'lab.engine.cancelled']);

/** The audit log records these as `cancelled`, every other failure as `failed`. */
export const isCancellation = (failureId: string): boolean => CANCELLED.has(failureId);
