import { expect } from 'vitest';
import { readColumns } from './cli-table.js';

/**
 * Checks the docker CLI's table against Gorae's, read a moment before and a moment after the CLI
 * ran. When Gorae's two readings agree, the clock did not tick and the CLI's text must be identical
 * (line for line; `sortRows` for tables whose row order the CLI leaves to chance). Otherwise every
 * cell must match, and a relative-time cell must equal one of Gorae's two readings.
 */
export function expectSameTable(
  cli: string,
  before: string,
  after: string,
  options: { headers: readonly string[]; volatile: readonly string[]; sortRows?: boolean },
): void {
  const tidy = (text: string) => {
    const [header = '', ...rows] = text.replace(/\n+$/, '').split('\n');
    return [header, ...(options.sortRows ? rows.sort() : rows)].join('\n');
  };
  const [cliText, beforeText, afterText] = [tidy(cli), tidy(before), tidy(after)];
  if (beforeText === afterText) {
    expect(cliText).toBe(beforeText);
    return;
  }
  const read = (text: string) => {
    const [header, ...rows] = readColumns(text, options.headers);
    return [header!, ...(options.sortRows ? rows.sort((a, b) => a.join('\t').localeCompare(b.join('\t'))) : rows)];
  };
  const [theirs, first, second] = [read(cliText), read(beforeText), read(afterText)];
  expect(theirs.length).toBe(first.length);
  expect(second.length).toBe(first.length);
  theirs.forEach((row, i) => {
    options.headers.forEach((header, j) => {
      const cell = row[j];
      if (options.volatile.includes(header)) expect([first[i]![j], second[i]![j]], `${header} of row ${i}`).toContain(cell);
      else expect(cell, `${header} of row ${i}`).toBe(first[i]![j]);
    });
  });
}
