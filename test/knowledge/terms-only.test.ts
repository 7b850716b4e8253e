import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import { namesOnlyTerms } from '../../bot/knowledge/terms-only.js';
import { realKnowledge } from '../support/knowledge.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await realKnowledge();
});

describe('a line made only of Docker words', () => {
  it.each(['bind mount vs volume', 'CMD vs ENTRYPOINT', 'Dockerfile', 'docker logs?', 'COPY or ADD'])('says nothing of its writer\'s language: "%s"', (line) => {
    expect(namesOnlyTerms(knowledge, line)).toBe(true);
  });

  it.each(['how do I mount a volume', 'what is a volume', 'my container is slow', '볼륨 vs 바인드', 'volume backup restore copy move export import'])(
    'is a sentence in a language when it has a word that carries no topic, an unknown word, Hangul or many words: "%s"',
    (line) => {
      expect(namesOnlyTerms(knowledge, line)).toBe(false);
    },
  );
});
