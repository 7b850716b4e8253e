import { describe, expect, it } from 'vitest';
import { codeText, strongText } from '../../bot/terminal/inline-markup.js';
import type { Paint } from '../../bot/terminal/style.js';

const plain: Paint = (_format, text) => text;
const marked: Paint = (format, text) => `<${format}>${text}</${format}>`;

describe('strong words and code in a topic printed at the terminal', () => {
  it('prints them bold where the terminal shows bold, and as plain words elsewhere, never with their asterisks', () => {
    const text = '다른 **컨테이너**가 그 포트를 써요. **Running containers**: `-e` works.';
    expect(strongText(text, marked)).toBe('다른 <bold>컨테이너</bold>가 그 포트를 써요. <bold>Running containers</bold>: `-e` works.');
    expect(strongText(text, plain)).toBe('다른 컨테이너가 그 포트를 써요. Running containers: `-e` works.');
  });

  it('keeps a bold phrase whole when wrapping broke it across lines, and leaves lone asterisks alone', () => {
    expect(strongText('1. **The\ndaemon.** Then', plain)).toBe('1. The\ndaemon. Then');
    expect(strongText('docker images *.tar and 2 * 3', plain)).toBe('docker images *.tar and 2 * 3');
  });

  it('colours code without its backticks where the terminal shows colour, and keeps the backticks elsewhere', () => {
    const text = '`docker rm`은 멈춘 컨테이너를 지워요. Use `--rm`, or\n`-f` to force.';
    expect(codeText(text, marked)).toBe('<cyan>docker rm</cyan>은 멈춘 컨테이너를 지워요. Use <cyan>--rm</cyan>, or\n<cyan>-f</cyan> to force.');
    expect(codeText(text, plain)).toBe(text);
  });
});
