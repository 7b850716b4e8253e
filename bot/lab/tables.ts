import { eastAsianWidth } from 'get-east-asian-width';
import stringWidth from 'string-width';
import { printable } from '../core/visible-text.js';

/*
 * Tables laid out the way docker/cli's tabwriter does it (minimum cell width 10, three spaces of
 * padding, last column unpadded, widths by display width so Korean counts two), as plain text.
 * Each front shows the text its own way (Discord pages it into code blocks).
 */

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface RenderedTable {
  /** The whole table, plain, one line a row. */
  readonly text: string;
}

const MIN_WIDTH = 10;
const PADDING = 3;

/** A cell as any front may show it: no control codes, no bidi overrides. */
export const plainCell = (cell: string): string => printable(cell);

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Emoji, joiners, variation selectors and flags form multi-character glyphs that string-width measures whole. */
const CLUSTERS = /[\p{Extended_Pictographic}\u200d\ufe00-\ufe0f\u{1f1e6}-\u{1f1ff}\u{e0020}-\u{e007f}]/u;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/**
 * Columns a string takes in a monospace font. Plain ASCII and simple text such as Korean are
 * counted a character at a time (East Asian Wide and Fullwidth count two); only text with emoji
 * sequences needs string-width's slower grapheme segmentation.
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (CLUSTERS.test(text)) return stringWidth(text);
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x7f) width += code >= 0x20 ? 1 : 0;
    else if (!ZERO_WIDTH.test(char)) width += eastAsianWidth(code);
  }
  return width;
}

export function renderTable(table: Table): RenderedTable {
  const plain = [table.header, ...table.rows].map((row) => row.map(plainCell));
  const cellWidths = plain.map((row) => row.map(displayWidth));
  const widths = columnWidths(cellWidths);
  return { text: plain.map((row, i) => layoutRow(row, cellWidths[i]!, widths)).join('\n') };
}

function columnWidths(cellWidths: readonly (readonly number[])[]): number[] {
  const widths: number[] = [];
  for (const row of cellWidths) {
    row.forEach((width, column) => {
      widths[column] = Math.max(widths[column] ?? MIN_WIDTH, width + PADDING);
    });
  }
  return widths;
}

function layoutRow(row: readonly string[], cellWidths: readonly number[], widths: readonly number[]): string {
  const last = row.length - 1;
  return row.map((cell, column) => (column === last ? cell : cell + ' '.repeat((widths[column] ?? 0) - (cellWidths[column] ?? 0)))).join('');
}
