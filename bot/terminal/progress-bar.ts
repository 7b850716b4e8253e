import { progressLine, type Progress } from '../lab/archive/progress.js';

export interface ProgressBar {
  readonly update: (progress: Progress) => void;
  /** Wipes the bar so the summary starts on a clean line. */
  readonly clear: () => void;
}

/**
 * Redraws one line in place on a terminal; on a pipe or a log file it prints nothing, so
 * captured output holds only the result.
 */
export function progressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  label: (phase: Progress['phase']) => string,
): ProgressBar {
  if (stream.isTTY !== true) return { update: () => undefined, clear: () => undefined };
  let drawn = false;
  return {
    update(progress) {
      stream.write(`\r${progressLine(label(progress.phase), progress)}\u001b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
