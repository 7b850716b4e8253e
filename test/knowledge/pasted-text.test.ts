import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import { isPastedText } from '../../bot/knowledge/pasted-text.js';
import { realKnowledge } from '../support/knowledge.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await realKnowledge();
});

describe('pasted text', () => {
  it.each([
    'Error response from daemon: pull access denied for acme/api, repository does not exist or may require \'docker login\'',
    'bash: docker: command not found',
  ])('takes "%s", an error a topic knows or a line a program printed, as nobody\'s language', (text) => {
    expect(isPastedText(knowledge, text)).toBe(true);
  });

  it.each(['how do I pull an image', '이미지 받는 법'])('takes "%s", a question someone wrote, as written in a language', (text) => {
    expect(isPastedText(knowledge, text)).toBe(false);
  });
});
