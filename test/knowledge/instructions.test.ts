import { describe, expect, it } from 'vitest';
import { quotesInstruction } from '../../bot/knowledge/instructions.js';

const instructions = new Set(['FROM', 'USER', 'COPY']);

describe('a Dockerfile instruction in a question', () => {
  it('is found when written in capitals inside ordinary text, in any language', () => {
    expect(quotesInstruction('USER node로 바꿨더니 permission denied', instructions)).toBe(true);
    expect(quotesInstruction('is FROM scratch really empty?', instructions)).toBe(true);
    expect(quotesInstruction('FROM은 뭐임', instructions), 'Korean has no capitals to shout in').toBe(true);
  });

  it('is not found in lower case, inside a longer capitalised word, or in a line shouted in capitals', () => {
    expect(quotesInstruction('how do I add a user', instructions)).toBe(false);
    expect(quotesInstruction('COPYRIGHT notice in my image', instructions)).toBe(false);
    expect(quotesInstruction('HOW DO I COPY FILES FROM MY HOST', instructions)).toBe(false);
  });
});
