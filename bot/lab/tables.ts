import { eastAsianWidth } from 'get-east-asian-width';
import stringWidth from 'string-width';
import { withoutPings } from '../core/no-pings.js';

/*
 * Tables laid out the way docker/cli's tabwriter does it (minimum cell width 10, three spaces of
 * padding, last column unpadded, widths by display width so Korean counts two), returned as plain
 * text for the terminal and as Discord-safe pages that each fit one code block.
 */

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface RenderedTable {
  /** The whole table, plain, for the terminal and logs. */
  readonly text: string;
  /** Code blocks (fences included) of at most `pageLimit` characters, the header on each. */
  readonly pages: readonly string[];
}

export const DISCORD_MESSAGE_LIMIT = 2_000;
const MIN_WIDTH = 10;
const PADDING = 3;
const FENCE = '```';

/** Characters no cell may carry: control codes and the bidi overrides that reorder a line. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A cell as the terminal may show it. */
export const plainCell = (cell: string): string => cell.replace(UNPRINTABLE, '');

/**
 * A cell as Discord may show it inside a code block: a zero-width joiner after each backtick so no
 * three of them ever close the fence, a zero-width space after each `@` so nothing can ping.
 */
export function discordCell(cell: string): string {
  const plain = plainCell(cell);
  return withoutPings(plain.replace(/`/g, '`\u200d'));
}

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

export function renderTable(table: Table, pageLimit = DISCORD_MESSAGE_LIMIT): RenderedTable {
  const plain = [table.header, ...table.rows].map((row) => row.map(plainCell));
  // The characters discordCell adds take no columns, so both layouts share the plain cells' widths.
  const cellWidths = plain.map((row) => row.map(displayWidth));
  const widths = columnWidths(cellWidths);
  const text = plain.map((row, i) => layoutRow(row, cellWidths[i]!, widths)).join('\n');
  const safe = plain.map((row, i) => layoutRow(row.map(discordCell), cellWidths[i]!, widths));
  const [header = '', ...rows] = safe;
  return { text, pages: paginate(header, rows, pageLimit) };
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

/**
 * Greedy pages of whole rows; a row too long for any page is shortened, never split. A header
 * wider than half a page (a column stretched by one huge cell) is shortened too, so each page
 * still fits and has room for rows.
 */
function paginate(fullHeader: string, rows: readonly string[], limit: number): string[] {
  const frame = (lines: readonly string[]) => `${FENCE}\n${lines.join('\n')}\n${FENCE}`;
  const headerRoom = Math.floor((limit - frame(['']).length - 1) / 2);
  const header = fullHeader.length > headerRoom ? clip(fullHeader, headerRoom) : fullHeader;
  const room = limit - frame([header]).length - 1;
  const pages: string[] = [];
  let current: string[] = [];
  let used = 0;
  for (const original of rows) {
    const row = original.length > room ? clip(original, room) : original;
    if (current.length > 0 && used + row.length + 1 > room) {
      pages.push(frame([header, ...current]));
      current = [];
      used = 0;
    }
    current.push(row);
    used += row.length + 1;
  }
  if (current.length > 0 || pages.length === 0) pages.push(frame([header, ...current]));
  return pages;
}

function clip(row: string, room: number): string {
  const chars = [...row];
  let out = '';
  for (const char of chars) {
    if (out.length + char.length + 1 > room) break;
    out += char;
  }
  return `${out}…`;
}
