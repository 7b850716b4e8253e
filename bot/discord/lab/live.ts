/** Discord counts edits against a rate limit; progress is shown at most this often. */
export const PROGRESS_EDIT_MS = 2_000;

/**
 * One message that changes while an action runs. Edits go out one at a time, in order, so a late
 * progress edit can never overwrite the result; progress is dropped rather than queued when the
 * last edit was under `intervalMs` ago or is still on its way.
 */
export interface LiveMessage<T> {
  /** Shows `reply` after any edit still on its way; rejects when Discord refuses it. */
  show(reply: T): Promise<void>;
  /** Shows `reply` if it is time to; never waits and never throws. */
  progress(reply: T): void;
}

export function liveMessage<T>(
  edit: (reply: T) => Promise<void>,
  onError: (error: unknown) => void,
  now: () => number = Date.now,
  intervalMs = PROGRESS_EDIT_MS,
): LiveMessage<T> {
  let queue: Promise<void> = Promise.resolve();
  let last = now();
  let pending = false;
  return {
    show(reply) {
      const shown = queue.then(() => edit(reply));
      queue = shown.catch(() => undefined);
      last = now();
      return shown;
    },
    progress(reply) {
      if (pending || now() - last < intervalMs) return;
      pending = true;
      last = now();
      queue = queue
        .then(() => edit(reply))
        .catch(onError)
        .finally(() => {
          pending = false;
        });
    },
  };
}
