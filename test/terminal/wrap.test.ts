import { describe, expect, it } from 'vitest';
import { wrap } from '../../bot/terminal/wrap.js';

describe('wrapping for the terminal', () => {
  it('breaks long lines at spaces within the width', () => {
    const wrapped = wrap('one two three four five six seven eight nine ten eleven twelve', 20);
    for (const line of wrapped.split('\n')) expect(line.length).toBeLessThanOrEqual(20);
    expect(wrapped.replace(/\n/g, ' ')).toBe('one two three four five six seven eight nine ten eleven twelve');
  });

  it('counts Korean characters as two columns', () => {
    const wrapped = wrap('컨테이너는 이미지를 실행한 것이에요 그래서 여러 개를 만들 수 있어요', 24);
    for (const line of wrapped.split('\n')) expect([...line].reduce((w, c) => w + (c.charCodeAt(0) > 0x1100 ? 2 : 1), 0)).toBeLessThanOrEqual(24);
  });

  it('continues a bullet under its text', () => {
    expect(wrap('- alpha beta gamma delta epsilon', 20)).toBe('- alpha beta gamma\n  delta epsilon');
  });

  it('keeps an indented line indented on its first line as well as after', () => {
    expect(wrap('     alpha beta gamma delta epsilon', 20)).toBe('     alpha beta\n     gamma delta\n     epsilon');
  });

  it('leaves text alone when the width is unknown', () => {
    expect(wrap('a b c', undefined)).toBe('a b c');
  });
});
