import { disassemble } from 'es-hangul';

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition), giving up once it
 * exceeds `max`: "strat" → "start" and "docekr" → "docker" are one edit each.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

const HANGUL = /[\uac00-\ud7af]/u;
const MEMO_LIMIT = 20_000;

/**
 * Hangul is compared letter by letter (jamo), where Korean typos happen: 컨테이나 is one vowel
 * away from 컨테이너, 볼룸 from 볼륨. Other scripts are compared as written.
 */
export const spellingOf = (word: string): string => (HANGUL.test(word) ? disassemble(word) : word);

/**
 * How many edits a word may carry and still be recognised: short words must be exact. Two-syllable
 * Korean words of five letters sit one letter from other words (기동 and 이동, 상이 and 사이), so they
 * must be exact too; with six (볼룸) a slip is still told apart.
 */
export function allowedEdits(word: string): number {
  // Versions, ports and sizes are not misspelt words: 12.04 is not 22.04, nor 50kb 50gb.
  if (/^\d/u.test(word)) return 0;
  if (HANGUL.test(word)) {
    const letters = disassemble(word).length;
    if (word.length >= 4 && letters >= 9) return 2;
    return (word.length >= 3 && letters >= 5) || letters >= 6 ? 1 : 0;
  }
  if (word.length >= 8) return 2;
  return word.length >= 4 ? 1 : 0;
}

type Spelling = { readonly surface: string; readonly term: string; readonly weight: number };

/** Finds the closest known spelling of a word; ties go to the spelling used by more topics. */
export class Corrector {
  /**
   * A typo keeps its first or its second letter, so candidates are looked up by length and first
   * letter, and by length and second letter, instead of comparing every known word.
   */
  private readonly byFirst = new Map<number, Spelling[]>();
  private readonly bySecond = new Map<number, Spelling[]>();
  /** Questions repeat their words; a correction is worked out once per word and exception. */
  private readonly memo = new Map<string, string | undefined>();

  constructor(entries: Iterable<Spelling>) {
    for (const entry of entries) {
      const surface = spellingOf(entry.surface);
      const spelling = { surface, term: entry.term, weight: entry.weight };
      file(this.byFirst, keyOf(surface.length, surface.charCodeAt(0)), spelling);
      file(this.bySecond, keyOf(surface.length, surface.charCodeAt(1)), spelling);
    }
  }

  /** The closest known spelling, other than `except` when given. */
  correct(written: string, except?: string): string | undefined {
    const key = except === undefined ? written : `${written}\u0000${except}`;
    if (this.memo.has(key)) return this.memo.get(key);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    const found = this.closest(written, except);
    this.memo.set(key, found);
    return found;
  }

  private closest(written: string, except?: string): string | undefined {
    const max = allowedEdits(written);
    if (max === 0) return undefined;
    const word = spellingOf(written);
    const skip = except === undefined ? undefined : spellingOf(except);
    let best: { term: string; distance: number; weight: number } | undefined;
    const consider = (entry: Spelling) => {
      if (entry.surface === skip) return;
      const distance = editDistance(word, entry.surface, max);
      if (distance > max) return;
      if (!best || distance < best.distance || (distance === best.distance && entry.weight > best.weight)) {
        best = { term: entry.term, distance, weight: entry.weight };
      }
    };
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const entry of this.byFirst.get(keyOf(length, word.charCodeAt(0))) ?? []) consider(entry);
      // Those sharing the first letter were seen already.
      for (const entry of this.bySecond.get(keyOf(length, word.charCodeAt(1))) ?? []) if (entry.surface[0] !== word[0]) consider(entry);
    }
    return best?.term;
  }
}

/**
 * A bucket's key, a number where a string key cost a string built and hashed per spelling: a length
 * and a letter (a UTF-16 unit). A one-letter spelling has no second letter and files under NaN, which
 * no typo's search reaches (typos are looked for in words of three letters or more).
 */
const keyOf = (length: number, letter: number): number => length * 0x10000 + letter;

function file(buckets: Map<number, Spelling[]>, key: number, spelling: Spelling): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(spelling);
  else buckets.set(key, [spelling]);
}

/** Shorter English words one edit apart are often both real words (head, read; risk, disk). */
const SURE_TYPO_LENGTH = 5;

/** Whether `word` is surely a slip of `meant`: a longer English word one edit away. */
export const isSureTypo = (word: string, meant: string): boolean =>
  word.length >= SURE_TYPO_LENGTH && /^[a-z]+$/u.test(word) && editDistance(word, meant, 1) <= 1;

/**
 * Whether two words are forms of one stem: they share a start (five letters, or two Hangul syllables)
 * and differ only in an ending of at most three letters (two syllables) each: timestamp and
 * timestamps, dependant and dependent, 설치해 and 설치하는. Change and chance do not.
 */
export function sameStem(a: string, b: string): boolean {
  const hangul = HANGUL.test(a) && HANGUL.test(b);
  let shared = 0;
  while (shared < a.length && shared < b.length && a.charCodeAt(shared) === b.charCodeAt(shared)) shared++;
  const [start, ending] = hangul ? [2, 2] : [5, 3];
  return shared >= start && a.length - shared <= ending && b.length - shared <= ending;
}
