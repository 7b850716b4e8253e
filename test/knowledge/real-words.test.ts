import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../bot/core/paths.js';
import { loadLexicon, lexiconFile, type Lexicon } from '../../bot/knowledge/lexicon.js';

let lexicon: Lexicon;
beforeAll(async () => {
  const loaded = await loadLexicon(lexiconFile(join(packageRoot(import.meta.url), 'knowledge')));
  if (!loaded.ok) throw new Error('the lexicon did not load');
  lexicon = loaded.value;
});

describe('real words of the language', () => {
  it('knows Korean words from the spelling dictionary, through their particles and endings', () => {
    for (const word of ['반환', '정복', '문장', '상단', '주어지는', '반환하는', '정복하기']) expect(lexicon.realWord(word), word).toBe(true);
  });

  it('knows no Korean misspelling, with or without a particle', () => {
    for (const word of ['컨테이나', '이미쥐', '볼룸', '옵셥', '볼룸을', '컨테이나를']) expect(lexicon.realWord(word), word).toBe(false);
  });

  it('knows English words with their inflections, and no misspelling of one', () => {
    for (const word of ['pending', 'slave', 'imagine', 'receives']) expect(lexicon.realWord(word), word).toBe(true);
    for (const word of ['contianer', 'runing', 'strat', 'docekr']) expect(lexicon.realWord(word), word).toBe(false);
  });

  it('knows no word in another script, or with digits in it', () => {
    for (const word of ['コンテナ', 'x86', '127.0.0.1']) expect(lexicon.realWord(word), word).toBe(false);
  });
});
