import { describe, expect, it } from 'vitest';
import { clamp, fitMarkdown } from '../../bot/discord/fit.js';

const fences = (text: string): number => text.split('\n').filter((line) => line.trimStart().startsWith('```')).length;

describe('clamp', () => {
  it('leaves text that fits untouched', () => {
    expect(clamp('run vs start', 80)).toBe('run vs start');
  });

  it('cuts at a word and marks the cut with an ellipsis', () => {
    const cut = clamp('the difference between docker run and docker start explained slowly', 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toBe('the difference between docker…');
  });

  it('never leaves inline code open', () => {
    expect(clamp('Check the name with `docker images` first', 30)).toBe('Check the name with…');
  });

  it('never splits an emoji in two', () => {
    const cut = clamp('🐳'.repeat(10), 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe('🐳🐳…');
  });
});

describe('fitMarkdown', () => {
  const code = '```sh\ndocker run -d --name web nginx\ndocker ps\n```';

  it('returns text within the limit unchanged', () => {
    expect(fitMarkdown(`hello\n${code}`, 4096, '(more)')).toBe(`hello\n${code}`);
  });

  it('leaves a code block out whole rather than cutting it open', () => {
    const text = `${'intro line\n'.repeat(3)}${code}\nafter`;
    const fitted = fitMarkdown(text, 60, '(more)');
    expect(fitted.length).toBeLessThanOrEqual(60);
    expect(fitted).not.toContain('```');
    expect(fitted.endsWith('(more)')).toBe(true);
  });

  it('keeps every fence paired whatever the limit', () => {
    const text = Array.from({ length: 12 }, (_, index) => `paragraph ${index} ${'words '.repeat(20)}\n${code}`).join('\n\n');
    for (let max = 80; max <= text.length; max += 97) {
      const fitted = fitMarkdown(text, max, '(more)');
      expect(fitted.length).toBeLessThanOrEqual(max);
      expect(fences(fitted) % 2).toBe(0);
    }
  });

  it('cuts one long line of prose at a word', () => {
    const fitted = fitMarkdown('word '.repeat(1000), 200, '(more)');
    expect(fitted.length).toBeLessThanOrEqual(200);
    expect(fitted).toMatch(/word…\n\n\(more\)$/);
  });
});

describe('fitMarkdown on a cut line', () => {
  it('never leaves inline code or bold open', () => {
    const line = `Use **docker start** when ${'the container exists '.repeat(3)}and \`docker run --name web -p 8080:80 -v data:/var/lib/data nginx\` when it does not.`;
    for (let max = 60; max < line.length; max += 7) {
      const fitted = fitMarkdown(line, max, '(more)');
      expect(fitted.length).toBeLessThanOrEqual(max);
      expect(fitted.split('`').length % 2, fitted).toBe(1);
      expect(fitted.split('**').length % 2, fitted).toBe(1);
    }
  });
});
