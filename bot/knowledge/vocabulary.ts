import { Analyzer } from './analyzer.js';
import type { Declared } from './confidence.js';
import type { Lexicon } from './lexicon.js';
import type { TermNumbers } from './term-numbers.js';
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

/** Kind term → how many topics have an example question of that kind: how common it is among the examples. */
export function kindCounts(
  read: ReadonlyArray<{ readonly examples: ReadonlyArray<ArrayLike<number>> }>,
  kinds: readonly string[],
  numbering: TermNumbers,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of kinds) {
    const number = numbering.find(kind);
    if (number !== undefined) counts.set(kind, read.filter(({ examples }) => examples.some((terms) => holds(terms, number))).length);
  }
  return counts;
}

/** Whether a list of term numbers holds `number`. */
function holds(terms: ArrayLike<number>, number: number): boolean {
  for (let at = 0; at < terms.length; at++) if (terms[at] === number) return true;
  return false;
}

/**
 * Term → how many topics hold it in one of the `core` fields, those that name what a topic is
 * about, in the order first met. Terms are counted by their numbers in `numbering`.
 */
export function coreCounts<Field extends string>(
  read: ReadonlyArray<{ readonly fields: Readonly<Record<Field, ArrayLike<number>>> }>,
  core: readonly Field[],
  numbering: TermNumbers,
): Map<string, number> {
  const counts = new Int32Array(numbering.size);
  // The last topic that counted each term, plus one, so a topic counts a term once.
  const counted = new Int32Array(numbering.size);
  const order: number[] = [];
  read.forEach(({ fields }, topic) => {
    for (const field of core) {
      const terms = fields[field];
      for (let k = 0; k < terms.length; k++) {
        const term = terms[k]!;
        if (counted[term] === topic + 1) continue;
        counted[term] = topic + 1;
        if (counts[term]!++ === 0) order.push(term);
      }
    }
  });
  return new Map(order.map((term) => [numbering.term(term), counts[term]!]));
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
