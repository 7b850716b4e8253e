import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../bot/knowledge/paragraphs.js';

describe("an answer's paragraphs", () => {
  it('are the text between blank lines', () => {
    expect(paragraphsOf('One.\n\nTwo.\n\n\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('keep a list, bulleted or numbered, with the sentence before it', () => {
    expect(paragraphsOf('Two kinds.\n\n- volume\n- bind mount\n\nAfter.')).toEqual(['Two kinds.\n\n- volume\n- bind mount', 'After.']);
    expect(paragraphsOf('Two ways.\n\n1. first\n\n2. second\n\nAfter.')).toEqual(['Two ways.\n\n1. first\n\n2. second', 'After.']);
  });

  it('keep what follows a colon with it', () => {
    expect(paragraphsOf('Fixes:\n\nRun as yourself.\n\nAfter.')).toEqual(['Fixes:\n\nRun as yourself.', 'After.']);
  });
});
