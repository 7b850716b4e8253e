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
  const indent = /^\s*/.exec(line)![0];
  const hang = ' '.repeat(/^\s*(?:[-•*]|\d+\.)\s+|^\s+/.exec(line)?.[0].length ?? 0);
  const lines: string[] = [];
  // The first line keeps the line's own indent; the rest hang under its text.
  let current = indent;
  let started = false;
  for (const word of line.slice(indent.length).split(' ')) {
    if (started && stringWidth(`${current} ${word}`) > width) {
      lines.push(current);
      current = `${hang}${word}`;
    } else {
      current = started ? `${current} ${word}` : `${current}${word}`;
    }
    started = true;
  }
  lines.push(current);
  return lines.join('\n');
}
