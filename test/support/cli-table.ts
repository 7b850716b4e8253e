import stringWidth from 'string-width';

/**
 * Reads a table the way a person reads a terminal: column starts come from where each header word
 * begins, and every line is cut at those display columns (Korean counts two), then trimmed.
 */
export function readColumns(text: string, headers: readonly string[]): string[][] {
  const [headerLine = '', ...lines] = text.replace(/\n+$/, '').split('\n');
  const starts: number[] = [];
  let from = 0;
  for (const header of headers) {
    const at = headerLine.indexOf(header, from);
    if (at < 0) throw new Error(`header ${header} not found in: ${headerLine}`);
    starts.push(at);
    from = at + header.length;
  }
  return [headers.slice(), ...lines.map((line) => cut(line, starts))];
}

function cut(line: string, starts: readonly number[]): string[] {
  const cells = starts.map(() => '');
  let column = 0;
  for (const char of line) {
    let cell = starts.length - 1;
    while (cell > 0 && column < starts[cell]!) cell -= 1;
    cells[cell] += char;
    column += stringWidth(char);
  }
  return cells.map((cell) => cell.trimEnd());
}
