/**
 * What each word reads as, looked up by the characters of a text between two places: the words of
 * the knowledge base's texts (300,000 a build of a doubled base, 12,000 of them distinct) are read
 * without a string cut out of the text, hashed and collected for each. An open-addressing table of
 * words, holding at most `limit` before it starts afresh.
 */
export class WordMemo<Value> {
  /** The words remembered, their hashes and what they read as, in the order remembered. */
  private words: string[] = [];
  private hashes: number[] = [];
  private values: Value[] = [];
  /** Per slot, the place of the word filed there plus one (0: empty). */
  private slots = new Int32Array(0);
  private mask = 0;

  constructor(private readonly limit: number) {
    this.clear();
  }

  /** Where the word `text` holds from `start` to `end` is remembered (places count up from 0), or -1. */
  find(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const filed = this.slots[slot]! - 1;
      if (filed < 0) return -1;
      if (this.hashes[filed] === hash && sameWord(this.words[filed]!, text, start, end)) return filed;
    }
  }

  valueAt(place: number): Value {
    return this.values[place]!;
  }

  /** Remembers a word not remembered yet, and returns its place; a full memo is emptied first, and gives out places from 0 again. */
  set(word: string, value: Value): number {
    if (this.words.length >= this.limit) this.clear();
    // Kept at most half full, so a search for a word missing meets an empty slot soon.
    if (this.words.length * 2 >= this.slots.length) this.fileAll(this.slots.length * 2);
    const hash = hashOf(word, 0, word.length);
    this.words.push(word);
    this.hashes.push(hash);
    this.values.push(value);
    this.file(hash, this.words.length);
    return this.words.length - 1;
  }

  clear(): void {
    this.words = [];
    this.hashes = [];
    this.values = [];
    this.fileAll(1024);
  }

  private file(hash: number, place: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = place;
  }

  /** Files every word again in a table of `size` slots. */
  private fileAll(size: number): void {
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.hashes.forEach((hash, filed) => this.file(hash, filed + 1));
  }
}

/** FNV-1a over the UTF-16 units of `text` from `start` to `end`: quick, and the same on every machine. */
export function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash;
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let at = 0; at < word.length; at++) if (word.charCodeAt(at) !== text.charCodeAt(start + at)) return false;
  return true;
}
