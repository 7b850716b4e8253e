import stringWidth from 'string-width';

/**
 * Wraps text at spaces to a terminal's width, counting Korean characters as two columns, so the
 * terminal never breaks a word in half. Bullet lines ("- ", "1. ") continue under their text.
 */
export function wrap(text: string, width: number | undefined): string {
  if (!width || width < 20) return text;
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  if (stringWidth(line) <= width) return line;
  const hang = ' '.repeat(/^\s*(?:[-•*]|\d+\.)\s+|^\s+/.exec(line)?.[0].length ?? 0);
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && stringWidth(candidate) > width) {
      lines.push(current);
      current = `${hang}${word}`;
    } else {
      current = candidate;
    }
  }
  lines.push(current);
  return lines.join('\n');
}
