import type { Paint } from './style.js';

/** A topic's **strong** words: bold on a terminal that shows it, plain words elsewhere, never the asterisks. */
export const strongText = (text: string, paint: Paint): string => text.replace(/\*\*([^*\n]+(?:\n[^*\n]+)*?)\*\*/g, (_, inner: string) => paint('bold', inner));

/**
 * A topic's `code`: in colour without its backticks on a terminal that shows colour; as typed
 * elsewhere, where the backticks are all that sets a command apart from the sentence around it.
 */
export const codeText = (text: string, paint: Paint): string =>
  paint('cyan', '`') === '`' ? text : text.replace(/`([^`\n]+(?:\n[^`\n]+)*?)`/g, (_, inner: string) => paint('cyan', inner));
