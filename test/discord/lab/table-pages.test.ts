import { describe, expect, it } from 'vitest';
import { discordCell, tablePages } from '../../../bot/discord/lab/table-pages.js';
import { LIMITS } from '../../../bot/discord/limits.js';
import { renderTable, type Table } from '../../../bot/lab/tables.js';

const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'NAMES'];

describe('the Discord pages', () => {
  const many: Table = {
    header,
    rows: Array.from({ length: 300 }, (_, i) => [i.toString(16).padStart(12, '0'), `app-${i}:latest`, '"sleep 1000"', `web-${i}`]),
  };

  it('of an empty table hold its header alone', () => {
    expect(tablePages(renderTable({ header, rows: [] }).text)).toEqual(['```\nCONTAINER ID   IMAGE     COMMAND   NAMES\n```']);
  });

  it('each fit one message with their fences, repeat the header, and together hold every row once, whole', () => {
    const { text } = renderTable(many);
    const pages = tablePages(text);
    expect(pages.length).toBeGreaterThan(1);
    const [headerLine, ...rowLines] = text.split('\n');
    const seen: string[] = [];
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(LIMITS.content);
      expect(page.startsWith('```\n')).toBe(true);
      expect(page.endsWith('\n```')).toBe(true);
      const lines = page.slice(4, -4).split('\n');
      expect(lines[0]).toBe(headerLine);
      seen.push(...lines.slice(1));
    }
    expect(seen).toEqual(rowLines);
  });

  it('respect a smaller limit too', () => {
    for (const page of tablePages(renderTable(many).text, 500)) expect(page.length).toBeLessThanOrEqual(500);
  });

  it('shorten a row too long for any page instead of splitting it', () => {
    const huge = { pages: tablePages(renderTable({ header, rows: [['id', 'img', 'cmd', 'n'.repeat(3_000)], ['id2', 'img', 'cmd', 'short']] }).text) };
    expect(huge.pages.every((page) => page.length <= LIMITS.content)).toBe(true);
    expect(huge.pages.join('\n')).toContain('…');
    expect(huge.pages.at(-1)).toContain('short');
  });

  it('fit even when one huge cell stretches a column, header included', () => {
    const { text } = renderTable({ header: ['NAMES', 'STATUS'], rows: [['n'.repeat(3_000), 'Up'], ['web', 'Exited (0)']] });
    const wide = { text, pages: tablePages(text) };
    expect(wide.pages.length).toBeGreaterThan(0);
    for (const page of wide.pages) expect(page.length).toBeLessThanOrEqual(LIMITS.content);
    expect(wide.pages.join('\n')).toMatch(/^web +…$/m);
    expect(wide.text.split('\n')[2]).toMatch(/^web +Exited \(0\)$/);
  });

  it('never let a cell close the code block or ping anyone', () => {
    const hostile = ['```', '@everyone', '<@123456789012345678>', '<@&123456789012345678>', '@here'];
    const { text } = renderTable({ header: ['NAMES'], rows: hostile.map((cell) => [cell]) });
    const pages = tablePages(text);
    const page = pages[0]!;
    const inside = page.slice(4, -4);
    expect(inside).not.toContain('```');
    expect(inside).not.toMatch(/@(everyone|here|&?\d)/);
    expect(inside.replace(/[\u200b\u200d]/g, '')).toContain('@everyone');
    expect(text).toContain('```');
    expect(text).toContain('@everyone');
  });

  it('drop control characters from every cell', () => {
    expect(discordCell('x\ny')).toBe('xy');
  });
});
