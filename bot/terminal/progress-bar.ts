import type { Progress } from '../lab/archive/progress.js';
import { humanSize } from '../lab/humanize.js';

const BAR_CELLS = 24;

/** One line: `Saving  [██████░░░░░░]  52%  156MB / 300MB`. The label is already translated. */
export function progressLine(label: string, progress: Progress): string {
  const fraction = progress.total > 0 ? Math.min(1, progress.bytes / progress.total) : 0;
  const filled = Math.round(fraction * BAR_CELLS);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${label}  [${bar}] ${percent}  ${humanSize(progress.bytes)} / ${humanSize(progress.total)}`;
}

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
