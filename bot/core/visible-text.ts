/** Control codes (C0, DEL, C1) and the bidi marks and overrides that reorder a line around them. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text with every character that would act rather than read taken out, or replaced by `mark`: a
 * table cell drops them, an echo of someone's input marks where they were.
 */
export const printable = (text: string, mark = ''): string => text.replace(UNPRINTABLE, mark);

/** Input as a message may echo it back: unprintable characters marked with U+FFFD, and at most `max` characters. */
export function echoed(text: string, max: number): string {
  const visible = printable(text, '\ufffd');
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}
