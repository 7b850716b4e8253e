import { describe, expect, it } from 'vitest';
import { answerLead } from '../../bot/terminal/answer-lead.js';

const paragraph = (words: number, end = '.') => `${'word '.repeat(words).trim()}${end}`;

describe('the opening of a long answer', () => {
  it('is its first paragraphs, up to about 700 characters, the rest kept for more', () => {
    const paragraphs = Array.from({ length: 8 }, () => paragraph(60));
    const { lead, rest } = answerLead(paragraphs.join('\n\n'));
    expect(lead).toBe(paragraphs.slice(0, 3).join('\n\n'));
    expect(rest).toEqual(paragraphs.slice(3));
  });

  it('never cuts a numbered list between its items', () => {
    const paragraphs = [paragraph(100), `1. ${paragraph(40)}`, `2. ${paragraph(40)}`, paragraph(130), paragraph(130), paragraph(130)];
    expect(answerLead(paragraphs.join('\n\n')).lead).toBe(paragraphs.slice(0, 3).join('\n\n'));
  });

  it('keeps a paragraph ending in a colon with the one it introduces', () => {
    const paragraphs = [paragraph(100), paragraph(50, ':'), '- one\n- two', paragraph(130), paragraph(130), paragraph(130)];
    expect(answerLead(paragraphs.join('\n\n')).lead).toBe(paragraphs.slice(0, 3).join('\n\n'));
  });

  it('is the whole answer when it is short, or when only one paragraph would be left', () => {
    expect(answerLead(`${paragraph(50)}\n\n${paragraph(50)}`).rest).toEqual([]);
    const two = [paragraph(150), paragraph(150)];
    expect(answerLead(two.join('\n\n'))).toEqual({ lead: two.join('\n\n'), rest: [] });
  });
});

describe('the opening of a long Korean answer', () => {
  it('is measured in terminal columns, a Korean character taking two', () => {
    const korean = Array.from({ length: 6 }, () => '컨테이너를 지워도 볼륨은 남아요. '.repeat(12).trim());
    expect(korean[0]!.length, 'under the limit counted in characters').toBeLessThan(700);
    const { lead, rest } = answerLead(korean.join('\n\n'));
    expect(lead).toBe(korean.slice(0, 2).join('\n\n'));
    expect(rest).toHaveLength(4);
  });
});
