import { withoutPings } from '../../core/no-pings.js';
import { plainCell } from '../../lab/tables.js';
import { LIMITS } from '../limits.js';

const FENCE = '```';

/**
 * A cell (or a whole line of cells) as Discord may show it inside a code block: a zero-width joiner
 * after each backtick so no three of them ever close the fence, a zero-width space after each `@`
 * so nothing can ping. The characters added take no columns, so the table's layout holds.
 */
export function discordCell(cell: string): string {
  return withoutPings(plainCell(cell).replace(/`/g, '`\u200d'));
}

/** A table's text as code blocks (fences included) of at most `limit` characters, the header on each. */
export function tablePages(text: string, limit: number = LIMITS.content): string[] {
  const [header = '', ...rows] = text.split('\n').map(discordCell);
  return paginate(header, rows, limit);
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
