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

/** How many edits a word may carry and still be recognised: short words must be exact. */
export function allowedEdits(word: string): number {
  if (HANGUL.test(word)) {
    const letters = disassemble(word).length;
    if (word.length >= 4 && letters >= 9) return 2;
    return word.length >= 2 && letters >= 5 ? 1 : 0;
  }
  if (word.length >= 8) return 2;
  return word.length >= 4 ? 1 : 0;
}

/** Finds the closest known spelling of a word; ties go to the spelling used by more topics. */
export class Corrector {
  private readonly byLength = new Map<number, Array<{ surface: string; term: string; weight: number }>>();
  /** Questions repeat their words; a correction is worked out once per word and exception. */
  private readonly memo = new Map<string, string | undefined>();

  constructor(entries: Iterable<{ surface: string; term: string; weight: number }>) {
    for (const entry of entries) {
      const spelling = spellingOf(entry.surface);
      const bucket = this.byLength.get(spelling.length) ?? [];
      bucket.push({ ...entry, surface: spelling });
      this.byLength.set(spelling.length, bucket);
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
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const entry of this.byLength.get(length) ?? []) {
        if (entry.surface === skip) continue;
        if (entry.surface[0] !== word[0] && entry.surface[1] !== word[1]) continue;
        const distance = editDistance(word, entry.surface, max);
        if (distance > max) continue;
        if (!best || distance < best.distance || (distance === best.distance && entry.weight > best.weight)) {
          best = { term: entry.term, distance, weight: entry.weight };
        }
      }
    }
    return best?.term;
  }
}
