import { describe, expect, it } from 'vitest';
import { DISCORD_MESSAGE_LIMIT, discordCell, displayWidth, plainCell, renderTable, type Table } from '../../bot/lab/tables.js';

const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'NAMES'];

describe('the table layout', () => {
  it('pads columns like docker/cli\'s tabwriter: at least 10 wide, 3 spaces after the widest cell, last column bare', () => {
    const { text } = renderTable({ header: ['A', 'LONGER HEADER', 'LAST'], rows: [['x', 'y', 'z']] });
    expect(text.split('\n')).toEqual(['A         LONGER HEADER   LAST', 'x         y               z']);
  });

  it('aligns columns by display width, so Korean (two columns a character) lines up', () => {
    const { text } = renderTable({ header, rows: [['0123456789ab', 'bb:1', '"sh -c \'echo 고래가 …"', 'one'], ['ba9876543210', 'bb:1', '"sleep 1000"', 'two']] });
    const lines = text.split('\n');
    const namesAt = lines.map((line) => displayWidth(line.slice(0, line.search(/(NAMES|one|two)$/))));
    expect(new Set(namesAt).size).toBe(1);
    expect(lines[1]).toContain('"sh -c \'echo 고래가 …"   one');
  });

  it('gives the whole table as one plain text and an empty table as its header', () => {
    const empty = renderTable({ header, rows: [] });
    expect(empty.text).toBe('CONTAINER ID   IMAGE     COMMAND   NAMES');
    expect(empty.pages).toEqual(['```\nCONTAINER ID   IMAGE     COMMAND   NAMES\n```']);
  });
});

describe('the Discord pages', () => {
  const many: Table = {
    header,
    rows: Array.from({ length: 300 }, (_, i) => [i.toString(16).padStart(12, '0'), `app-${i}:latest`, '"sleep 1000"', `web-${i}`]),
  };

  it('each fit one message with their fences, repeat the header, and together hold every row once, whole', () => {
    const { pages, text } = renderTable(many);
    expect(pages.length).toBeGreaterThan(1);
    const [headerLine, ...rowLines] = text.split('\n');
    const seen: string[] = [];
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(page.startsWith('```\n')).toBe(true);
      expect(page.endsWith('\n```')).toBe(true);
      const lines = page.slice(4, -4).split('\n');
      expect(lines[0]).toBe(headerLine);
      seen.push(...lines.slice(1));
    }
    expect(seen).toEqual(rowLines);
  });

  it('respect a smaller limit too', () => {
    for (const page of renderTable(many, 500).pages) expect(page.length).toBeLessThanOrEqual(500);
  });

  it('shorten a row too long for any page instead of splitting it', () => {
    const huge = renderTable({ header, rows: [['id', 'img', 'cmd', 'n'.repeat(3_000)], ['id2', 'img', 'cmd', 'short']] });
    expect(huge.pages.every((page) => page.length <= DISCORD_MESSAGE_LIMIT)).toBe(true);
    expect(huge.pages.join('\n')).toContain('…');
    expect(huge.pages.at(-1)).toContain('short');
  });

  it('fit even when one huge cell stretches a column, header included', () => {
    const wide = renderTable({ header: ['NAMES', 'STATUS'], rows: [['n'.repeat(3_000), 'Up'], ['web', 'Exited (0)']] });
    expect(wide.pages.length).toBeGreaterThan(0);
    for (const page of wide.pages) expect(page.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
    expect(wide.pages.join('\n')).toMatch(/^web +…$/m);
    expect(wide.text.split('\n')[2]).toMatch(/^web +Exited \(0\)$/);
  });

  it('never let a cell close the code block or ping anyone', () => {
    const hostile = ['```', '@everyone', '<@123456789012345678>', '<@&123456789012345678>', '@here'];
    const { pages, text } = renderTable({ header: ['NAMES'], rows: hostile.map((cell) => [cell]) });
    const page = pages[0]!;
    const inside = page.slice(4, -4);
    expect(inside).not.toContain('```');
    expect(inside).not.toMatch(/@(everyone|here|&?\d)/);
    expect(inside.replace(/[\u200b\u200d]/g, '')).toContain('@everyone');
    expect(text).toContain('```');
    expect(text).toContain('@everyone');
  });

  it('drop control characters and bidi overrides from every cell', () => {
    expect(plainCell('a\u001b[31mb\u0007c\u202ed')).toBe('a[31mbcd');
    expect(discordCell('x\ny')).toBe('xy');
  });
});
