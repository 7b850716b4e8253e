import { TermNumbers } from './term-numbers.js';

/**
 * BM25+ over documents that are already lists of terms, scored exactly as MiniSearch scores them
 * (k 1.2, b 0.7, d 0.5; field length = distinct terms; every query term counts, and the sum is
 * multiplied by how many distinct query terms matched). MiniSearch spends most of an index build
 * walking its radix tree for every word; exact terms need only their numbers, which builds several
 * times faster (`npm run bench` measures both).
 */
const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface Scored {
  readonly id: string;
  readonly score: number;
}

/** A document: its id and each field's terms, as strings or as numbers. */
interface Document<Field extends string, Terms> {
  readonly id: string;
  readonly fields: Readonly<Record<Field, Terms>>;
}

export class Bm25<Field extends string> {
  private readonly ids: string[] = [];
  /**
   * Each term is numbered once, and all that is known of it kept in flat lists by its number: a map
   * and two lists per term were tens of thousands of objects, each copied by the collector while the
   * index was being built, which took longer than building it.
   */
  private readonly numbering: TermNumbers;
  /**
   * The postings of term t lie from `starts[t]` to `starts[t + 1]` in `postings`, pairs (place,
   * frequency) in the order documents were added, where a place is a document's field (document ×
   * fields + field).
   */
  private readonly starts: Int32Array;
  private readonly postings: Int32Array;
  /** Per term and field (term × fields + field), how many documents hold the term in that field. */
  private readonly holders: Int32Array;
  /** Per place, the field's length in that document. */
  private readonly lengths: Int32Array;
  private readonly averages: number[];
  private readonly boosts: number[];
  private readonly fields: readonly Field[];
  /** Scratch space for one search, per document (see `search`). */
  private scores: Float64Array | undefined;
  private matched: Int32Array | undefined;
  private counted: Int32Array | undefined;

  constructor(documents: ReadonlyArray<Document<Field, readonly string[]>>, boost: Readonly<Record<Field, number>>);
  /** Documents whose terms are already numbers in `numbering`, as the index build reads them. */
  constructor(documents: ReadonlyArray<Document<Field, ArrayLike<number>>>, boost: Readonly<Record<Field, number>>, numbering: TermNumbers);
  constructor(
    documents: ReadonlyArray<Document<Field, readonly string[] | ArrayLike<number>>>,
    boost: Readonly<Record<Field, number>>,
    numbering?: TermNumbers,
  ) {
    this.numbering = numbering ?? new TermNumbers();
    const fields = (this.fields = Object.keys(boost) as Field[]);
    this.boosts = fields.map((field) => boost[field]);
    // Every place's terms by number, one place after another, and where each place's run ends.
    let size = 0;
    for (const document of documents) for (const field of fields) size += document.fields[field].length;
    const sequence = new Int32Array(size);
    const ends = new Int32Array(documents.length * fields.length);
    let at = 0;
    documents.forEach(({ id, fields: values }, doc) => {
      this.ids.push(id);
      fields.forEach((name, field) => {
        const terms = values[name];
        for (let k = 0; k < terms.length; k++) {
          const term = terms[k]!;
          sequence[at++] = typeof term === 'number' ? term : this.numbering.number(term);
        }
        ends[doc * fields.length + field] = at;
      });
    });
    const count = this.numbering.size;
    // How many places hold each term, and so where its postings start; a term already seen in a
    // place was seen there last, as places are read in order. The lists are filled as locals and
    // only then kept: read as fields of this object, whose shape still grows here, the loops below
    // were at times thrown out of optimized code over and over, each time the shape was checked.
    const last = new Int32Array(count).fill(-1);
    const pairs = new Int32Array(count);
    const holders = (this.holders = new Int32Array(count * fields.length));
    const lengths = (this.lengths = new Int32Array(ends.length));
    const totals = fields.map(() => 0);
    eachPlace(ends, (place, from, to) => {
      const field = place % fields.length;
      let distinct = 0;
      for (let k = from; k < to; k++) {
        const term = sequence[k]!;
        if (last[term] === place) continue;
        last[term] = place;
        pairs[term]!++;
        holders[term * fields.length + field]!++;
        distinct++;
      }
      totals[field]! += distinct;
      lengths[place] = distinct;
    });
    const starts = (this.starts = new Int32Array(count + 1));
    for (let term = 0; term < count; term++) starts[term + 1] = starts[term]! + 2 * pairs[term]!;
    const postings = (this.postings = new Int32Array(starts[count]!));
    const next = starts.slice(0, count);
    last.fill(-1);
    eachPlace(ends, (place, from, to) => {
      for (let k = from; k < to; k++) {
        const term = sequence[k]!;
        if (last[term] === place) {
          postings[next[term]! - 1]!++;
          continue;
        }
        last[term] = place;
        postings[next[term]!] = place;
        postings[next[term]! + 1] = 1;
        next[term]! += 2;
      }
    });
    this.averages = totals.map((total) => total / Math.max(1, documents.length));
  }

  /** The terms some document holds in one of these fields. */
  termsIn(fields: readonly Field[]): Set<string> {
    const wanted = fields.map((field) => this.fields.indexOf(field));
    const found = new Set<string>();
    for (let number = 0; number < this.numbering.size; number++) {
      if (wanted.some((field) => this.holders[number * this.fields.length + field]! > 0)) found.add(this.numbering.term(number));
    }
    return found;
  }

  /**
   * Documents holding any of the terms, best first. A repeated term counts again, as in MiniSearch.
   * Every question runs this, so its sums live in arrays reused from one search to the next: an
   * object and a set per document reached were over half of what answering allocated, and the
   * young-generation collections that allocation causes, each in the middle of some ask, are what
   * made the slowest percent of asks slow (`npm run bench`, answer latency p99).
   */
  search(terms: readonly string[]): Scored[] {
    const count = this.ids.length;
    const fieldCount = this.fields.length;
    const scores = (this.scores ??= new Float64Array(count));
    // How many distinct query terms a document holds, and the last term counted for it (a term holds
    // a document in several fields; a repeated term, counted at its first place, holds the same).
    const matched = (this.matched ??= new Int32Array(count));
    const counted = (this.counted ??= new Int32Array(count).fill(-1));
    // Documents in the order first reached: the sort keeps that order among equal scores.
    const touched: number[] = [];
    terms.forEach((term, at) => {
      const number = this.numbering.find(term);
      if (number === undefined) return;
      const repeated = terms.indexOf(term) !== at;
      const list = this.postings;
      for (let posting = this.starts[number]!; posting < this.starts[number + 1]!; posting += 2) {
        const place = list[posting]!;
        const frequency = list[posting + 1]!;
        const field = place % fieldCount;
        const doc = (place - field) / fieldCount;
        const holding = this.holders[number * fieldCount + field]!;
        const idf = Math.log(1 + (count - holding + 0.5) / (holding + 0.5));
        const length = this.lengths[place]!;
        const saturation = (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / this.averages[field]!));
        if (matched[doc] === 0) touched.push(doc);
        scores[doc]! += this.boosts[field]! * idf * (D + saturation);
        if (!repeated && counted[doc] !== at) {
          counted[doc] = at;
          matched[doc]!++;
        }
      }
    });
    const found = touched.map((doc) => ({ id: this.ids[doc]!, score: scores[doc]! * matched[doc]! }));
    for (const doc of touched) {
      scores[doc] = 0;
      matched[doc] = 0;
      counted[doc] = -1;
    }
    return found.sort((a, b) => b.score - a.score);
  }
}

/** Calls `visit` with each place and where its terms lie in the sequence, given where each place's run ends. */
function eachPlace(ends: Int32Array, visit: (place: number, from: number, to: number) => void): void {
  let from = 0;
  ends.forEach((to, place) => {
    visit(place, from, to);
    from = to;
  });
}
