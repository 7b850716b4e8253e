import { withoutPings } from '../../core/no-pings.js';
import type { LabAction } from '../../lab/actions.js';
import { clamp } from '../fit.js';

/** An action the way the docker CLI would spell it, for titles and the audit channel. */
export function describeAction(action: LabAction): string {
  const words = ['docker', action.action];
  switch (action.action) {
    case 'ps':
      if (action.all) words.push('-a');
      if (action.name) words.push('--filter', `name=${quoteIfNeeded(action.name)}`);
      if (action.state) words.push('--filter', `status=${action.state}`);
      break;
    case 'images':
      if (action.all) words.push('-a');
      if (action.dangling) words.push('--filter', 'dangling=true');
      break;
    case 'save':
      if (action.file) words.push('-o', action.file);
      words.push(...action.images);
      if (action.gzip) words.push('--gzip');
      if (action.force) words.push('--force');
      break;
    case 'load':
      words.push('-i', action.file);
      break;
  }
  if (action.host) words.push('--host', action.host);
  return words.join(' ');
}

const quoteIfNeeded = (text: string): string => (/\s/.test(text) ? `"${text}"` : text);

/** Long enough for any command a person would read; a `save` of 64 images is shown shortened. */
const INLINE_MAX = 200;

/**
 * Text inside one pair of backticks, shortened to fit a title or a progress line: a backtick would
 * end the span, so it becomes a look-alike, and `@` gets a zero-width space so nothing can ping.
 */
export const inlineCode = (text: string): string =>
  `\`${withoutPings(clamp(text.replace(/`/g, 'ˋ'), INLINE_MAX))}\``;
