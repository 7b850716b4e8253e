/**
 * BM25+ over documents that are already lists of terms, scored exactly as MiniSearch scores them
 * (k 1.2, b 0.7, d 0.5; field length = distinct terms; every query term counts, and the sum is
 * multiplied by how many distinct query terms matched). MiniSearch spends most of an index build
 * walking its radix tree for every word; exact terms need only a map, which builds several times
 * faster (`npm run bench` measures both).
 */
const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface Scored {
  readonly id: string;
  readonly score: number;
}

export class Bm25<Field extends string> {
  private readonly ids: string[] = [];
  /**
   * Term → its postings, flat pairs (place, frequency), where a place is a document's field (document ×
   * fields + field): small integers, no object per posting, a third fewer than triples of document and
   * field apart; and per field, how many documents hold the term in it.
   */
  private readonly terms = new Map<string, { readonly postings: number[]; readonly holders: number[] }>();
  /** Per place, the field's length in that document. */
  private readonly lengths: number[] = [];
  private readonly averages: number[];
  private readonly boosts: number[];
  private readonly fields: readonly Field[];
  /** Scratch space for one search, per document (see `search`). */
  private scores: Float64Array | undefined;
  private matched: Int32Array | undefined;
  private counted: Int32Array | undefined;

  constructor(
    documents: ReadonlyArray<{ readonly id: string; readonly fields: Readonly<Record<Field, readonly string[]>> }>,
    boost: Readonly<Record<Field, number>>,
  ) {
    const fields = (this.fields = Object.keys(boost) as Field[]);
    this.boosts = fields.map((field) => boost[field]);
    const totals = fields.map(() => 0);
    for (const { id, fields: values } of documents) {
      const doc = this.ids.push(id) - 1;
      fields.forEach((name, field) => {
        const place = doc * fields.length + field;
        let distinct = 0;
        for (const term of values[name]) {
          let entry = this.terms.get(term);
          if (!entry) this.terms.set(term, (entry = { postings: [], holders: fields.map(() => 0) }));
          const list = entry.postings;
          // Documents and fields are added in order, so a term already seen here is the last pair.
          const last = list.length - 2;
          if (last >= 0 && list[last] === place) {
            list[last + 1]!++;
            continue;
          }
          list.push(place, 1);
          entry.holders[field]!++;
          distinct++;
        }
        totals[field]! += distinct;
        this.lengths.push(distinct);
      });
    }
    this.averages = totals.map((total) => total / Math.max(1, documents.length));
  }

  /** The terms some document holds in one of these fields. */
  termsIn(fields: readonly Field[]): Set<string> {
    const wanted = fields.map((field) => this.fields.indexOf(field));
    const found = new Set<string>();
    for (const [term, { holders }] of this.terms) if (wanted.some((field) => holders[field]! > 0)) found.add(term);
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
      const indexed = this.terms.get(term);
      if (!indexed) return;
      const repeated = terms.indexOf(term) !== at;
      const list = indexed.postings;
      for (let posting = 0; posting < list.length; posting += 2) {
        const place = list[posting]!;
        const frequency = list[posting + 1]!;
        const field = place % fieldCount;
        const doc = (place - field) / fieldCount;
        const holding = indexed.holders[field]!;
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
