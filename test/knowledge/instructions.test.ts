import { describe, expect, it } from 'vitest';
import { quotedInstructions, quotesInstruction } from '../../bot/knowledge/instructions.js';

const instructions = new Set(['FROM', 'USER', 'COPY']);

describe('a Dockerfile instruction in a question', () => {
  it('is found when written in capitals inside ordinary text, in any language', () => {
    expect(quotesInstruction('USER node로 바꿨더니 permission denied', instructions)).toBe(true);
    expect(quotesInstruction('is FROM scratch really empty?', instructions)).toBe(true);
    expect(quotesInstruction('FROM vs COPY', instructions), 'instructions alone are quoted, not shouted').toBe(true);
    expect(quotesInstruction('FROM은 뭐임', instructions), 'Korean has no capitals to shout in').toBe(true);
  });

  it('is not found in lower case, inside a longer capitalised word, or in a line shouted in capitals', () => {
    expect(quotesInstruction('how do I add a user', instructions)).toBe(false);
    expect(quotesInstruction('COPYRIGHT notice in my image', instructions)).toBe(false);
    expect(quotesInstruction('HOW DO I COPY FILES FROM MY HOST', instructions)).toBe(false);
    expect(quotesInstruction('set SMTP_FROM in compose', instructions), 'part of a name').toBe(false);
  });
});

describe('an instruction written in capitals', () => {
  const rewrite = quotedInstructions(instructions, new Set(['from', 'the', 'a']));

  it('becomes a word of its own when it is a stopword in lower case (FROM), in either language', () => {
    expect(rewrite('what does FROM do')).toBe('what does dockerfile_FROM do');
    expect(rewrite('FROM은 뭐임')).toBe('dockerfile_FROM은 뭐임');
    expect(rewrite('FROM node AS build, then FROM nginx')).toBe('dockerfile_FROM node AS build, then dockerfile_FROM nginx');
  });

  it('is marked written alone or beside other instructions, which are no shouting', () => {
    expect(rewrite('FROM')).toBe('dockerfile_FROM');
    expect(rewrite('FROM node?')).toBe('dockerfile_FROM node?');
    expect(rewrite('USER vs FROM')).toBe('USER dockerfile_USER vs dockerfile_FROM');
  });

  it('stays the plain word in lower case, at the start of a sentence, inside a longer word or a name, and in a shouted line', () => {
    for (const text of ['copy a file from the host', 'From the host, how do I reach it', 'FROMAGE is cheese', 'set FROM_EMAIL and SMTP_FROM', 'the x-FROM-y header', 'HOW DO I COPY FILES FROM MY HOST', 'HOW TO USE FROM']) {
      expect(rewrite(text)).toBe(text);
    }
  });

  it('leaves the word unmarked where it is a variable, the docker command or an English verb', () => {
    for (const text of ['echo $USER is empty', 'docker run -e USER=root alpine', '%USER% on Windows', 'docker RUN -it ubuntu', 'docker compose RUN web', 'how to COPY a file', 'USER ME to the group', 'copy files FROM the host']) {
      expect(rewrite(text), text).not.toContain('dockerfile_');
    }
    expect(quotesInstruction('echo $USER is empty', instructions), 'a variable names no instruction').toBe(false);
  });

  it('keeps an instruction that is an ordinary word as that word, and marks it as the instruction beside it', () => {
    expect(rewrite('USER node and COPY')).toBe('USER dockerfile_USER node and COPY dockerfile_COPY');
    expect(rewrite('그럼 USER는?')).toBe('그럼 USER dockerfile_USER는?');
    expect(rewrite('add a user and copy files')).toBe('add a user and copy files');
  });
});
