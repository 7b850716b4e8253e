import { withoutPings } from '../../core/no-pings.js';
import { clamp } from '../fit.js';

/** Long enough for any command a person would read; a `save` of 64 images is shown shortened. */
const INLINE_MAX = 200;

/**
 * Text inside one pair of backticks, shortened to fit a title or a progress line: a backtick would
 * end the span, so it becomes a look-alike, and `@` gets a zero-width space so nothing can ping.
 */
export const inlineCode = (text: string): string =>
  `\`${withoutPings(clamp(text.replace(/`/g, 'ˋ'), INLINE_MAX))}\``;
