/** The fewest syllables a part of a compound has: one-syllable words are too often endings or particles. */
const COMPOUND_PART = 2;
const HANGUL_SYLLABLES = /^[\uac00-\ud7a3]+$/u;
const isHangulSyllable = (code: number): boolean => code >= 0xac00 && code <= 0xd7a3;
const MEMO_LIMIT = 50_000;

/**
 * Korean often writes a compound without the spaces between its nouns (도커이미지삭제, 볼륨마운트,
 * 환경변수설정을). A run of Hangul syllables that does not read as a known word reads as the fewest
 * known words of two syllables or more that make it up exactly, when there are such.
 */
export class Compounds {
  /** By run of Hangul, where it splits, or null when it is one word; each distinct run is worked out once. */
  private readonly memo = new Map<string, readonly number[] | null>();

  constructor(private readonly readsKnown: (word: string) => boolean) {}

  /**
   * Where the word `text` holds from `start` to `end` splits, counted from `start`, or null. Most
   * words are too short or not Hangul, and are told so before they are cut out of the text.
   */
  cutsAt(text: string, start: number, end: number): readonly number[] | null {
    if (end - start < 2 * COMPOUND_PART || !isHangulSyllable(text.charCodeAt(start))) return null;
    return this.cutsOf(text.slice(start, end));
  }

  /** Where `word` splits into known parts (0 and its length included), or null when it stays whole. */
  cutsOf(word: string): readonly number[] | null {
    let cuts = this.memo.get(word);
    if (cuts === undefined) {
      cuts = this.fewestParts(word);
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(word, cuts);
    }
    return cuts;
  }

  private fewestParts(word: string): number[] | null {
    // A word that is not itself known can only split into two parts or more.
    if (!HANGUL_SYLLABLES.test(word) || this.readsKnown(word)) return null;
    const fewest: number[] = [0];
    const from: number[] = [0];
    for (let end = COMPOUND_PART; end <= word.length; end++) {
      for (let start = 0; start <= end - COMPOUND_PART; start++) {
        const before = fewest[start];
        if (before === undefined || (fewest[end] !== undefined && fewest[end]! <= before + 1)) continue;
        if (!this.readsKnown(word.slice(start, end))) continue;
        fewest[end] = before + 1;
        from[end] = start;
      }
    }
    if (fewest[word.length] === undefined) return null;
    const cuts = [word.length];
    for (let at = word.length; at > 0; at = from[at]!) cuts.unshift(from[at]!);
    return cuts;
  }
}
