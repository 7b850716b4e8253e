import { describe, expect, it } from 'vitest';
import { echoed, printable } from '../../bot/core/visible-text.js';

describe('text as Gorae shows it', () => {
  it('drops control codes, C1 codes and bidi overrides, or marks where they were', () => {
    expect(printable('a\u001b[31mb\u0007c\u202ed\u0085e\u2066f')).toBe('a[31mbcdef');
    expect(printable('x\ny\u202e', '\ufffd')).toBe('x\ufffdy\ufffd');
  });

  it('echoes input marked and shortened to at most the length asked, an ellipsis at the cut', () => {
    expect(echoed('rm\u0000-rf', 80)).toBe('rm\ufffd-rf');
    expect(echoed('a'.repeat(100), 80)).toBe(`${'a'.repeat(79)}…`);
    expect(echoed('a'.repeat(80), 80)).toBe('a'.repeat(80));
    expect(echoed('고래'.repeat(40), 60)).toHaveLength(60);
  });
});
