import { describe, expect, it } from 'vitest';
import { displayWidth, plainCell, renderTable } from '../../bot/lab/tables.js';

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
  });

  it('drops control characters and bidi overrides from every cell', () => {
    expect(plainCell('a\u001b[31mb\u0007c\u202ed')).toBe('a[31mbcd');
  });
});
