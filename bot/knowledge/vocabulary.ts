import { Analyzer } from './analyzer.js';
import type { Declared } from './confidence.js';
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

/** Term → how many topics hold it in one of the `core` fields, those that name what a topic is about. */
export function coreCounts<Field extends string>(
  read: ReadonlyArray<{ readonly fields: Readonly<Record<Field, readonly string[]>> }>,
  core: readonly Field[],
): Map<string, number> {
  const counts = new Map<string, number>();
  const inCore = new Set<string>();
  for (const { fields } of read) {
    inCore.clear();
    for (const field of core) for (const term of fields[field]) inCore.add(term);
    for (const term of inCore) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** Every term some topic declares itself about. */
export function declaredTerms(read: ReadonlyArray<{ readonly declared: Declared }>): Set<string> {
  const declared = new Set<string>();
  for (const topic of read) for (const term of topic.declared.declared) declared.add(term);
  return declared;
}

/** What a misspelt word may be meant as: the core terms and their lexicon variants, weighed by how many topics use them. */
export function typoSpellings(core: ReadonlyMap<string, number>, lexicon: Lexicon): Array<{ surface: string; term: string; weight: number }> {
  const spellings = [...core].map(([term, weight]) => ({ surface: term, term, weight }));
  for (const [variant, term] of lexicon.canonical) {
    const weight = core.get(term);
    if (weight !== undefined) spellings.push({ surface: variant, term, weight });
  }
  return spellings;
}
