import { Analyzer } from './analyzer.js';
import type { Lexicon } from './lexicon.js';
import type { Topic } from './topic.js';

/**
 * The terms known before any topic is indexed: the lexicon's canonical terms, and what each topic's
 * titles and keywords read as (compounds also as written), each text read with what is known so far.
 */
export function seedVocabulary(topics: readonly Topic[], lexicon: Lexicon): Set<string> {
  const seed = new Set<string>(lexicon.canonical.values());
  const seeding = new Analyzer(lexicon, (term) => seed.has(term), false);
  const add = (text: string): void => {
    const { words, compounds } = seeding.wordsAndCompounds(text);
    for (const word of words) {
      const term = seeding.term(word);
      if (term !== null) seed.add(term);
    }
    for (const compound of compounds) seed.add(compound);
  };
  for (const topic of topics) {
    for (const side of [topic.en, topic.ko]) {
      add(side.title);
      for (const keyword of side.keywords) add(keyword);
    }
  }
  return seed;
}
