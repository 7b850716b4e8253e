import type { TermNumbers } from './term-numbers.js';

/**
 * How close a question comes to the ways people ask about each topic (its aliases): the best
 * IDF-weighted cosine between the question's terms and one example's. A question phrased like an
 * example of one topic and unlike any other's is a clear answer even where the topics share words.
 */
export class ExampleIndex {
  /**
   * By term number (see term-numbers.ts), its IDF, worked out once (a term weighs the same in every
   * example, so no posting carries a weight of its own), and where the examples holding it lie in
   * `holding`, in the order they were added: flat lists, as a map entry, an object and a list per
   * term, and an object per example, were tens of thousands of objects the collector copied at every
   * build.
   */
  private readonly weights: Float64Array;
  private readonly starts: Int32Array;
  private readonly holding: Int32Array;
  /**
   * Per example: its topic; its norm with and without its kind terms; its number of distinct terms,
   * and of those other than the domain's name, each without its kind terms; and how many kind terms
   * it has. Typed lists of room for every example given (one without terms is left out), filled in
   * place where lists grown one example at a time were copied as they grew.
   */
  private readonly topics: string[] = [];
  private readonly norms: Float64Array;
  private readonly kindlessNorms: Float64Array;
  private readonly sizes: Int32Array;
  private readonly bareSizes: Int32Array;
  private readonly kindCounts: Int32Array;
  /** Per example, 1 when it states a kind a question must state too for the example to own it (see `owner`). */
  private readonly stated: Uint8Array;
  private readonly kinds: ReadonlySet<string>;
  private readonly isKind = (term: string): boolean => this.kinds.has(term);
  /**
   * Scratch space for one question: each example's dot product, zeroed again after each use, and the
   * examples reached. Common words reach thousands of examples; a list grown for each question made
   * a third of what answering one allocated.
   */
  private dots: Float64Array | undefined;
  private touched: Int32Array | undefined;

  constructor(
    examples: ReadonlyArray<{ readonly topic: string; readonly terms: ArrayLike<number> }>,
    private readonly numbering: TermNumbers,
    private readonly idf: (term: string) => number,
    /**
     * The word naming what every example is about ("docker"): written or left out, it asks the
     * same question ("how was this image built" and "how do I build a docker image" both ask
     * about building an image).
     */
    private readonly domain?: string,
    /**
     * The question kinds' terms (question-kinds.ts). A question that states no kind ("docker save")
     * may ask how or what: it is compared with the examples' other terms alone, except for the kinds
     * in `stated`.
     */
    kinds: readonly string[] = [],
    /**
     * The kinds a question must state for an example of that kind to own it: something failing, or
     * why. A plain "push image to docker hub" may ask how, never about a push that failed.
     */
    stated: readonly string[] = [],
  ) {
    const domainNumber = (this.domain === undefined ? undefined : numbering.find(this.domain)) ?? -1;
    this.kinds = new Set(kinds);
    // By term number, whether it is a kind term (1), or one that must be stated (2, see `stated`):
    // looked up for every term of every example.
    const isKindNumber = new Uint8Array(numbering.size);
    for (const kind of kinds) {
      const number = numbering.find(kind);
      if (number !== undefined) isKindNumber[number] = stated.includes(kind) ? 2 : 1;
    }
    // Each example's distinct terms, one example after another; and how many examples hold each term.
    const sequence = new Int32Array(examples.reduce((total, { terms }) => total + terms.length, 0));
    const holders = new Int32Array(numbering.size);
    // Filled as locals, and kept as fields: read as fields of this object while its shape still
    // grows, as in Bm25, the loops below would check the shape at every read.
    const weights = (this.weights = new Float64Array(numbering.size));
    const norms = (this.norms = new Float64Array(examples.length));
    const kindlessNorms = (this.kindlessNorms = new Float64Array(examples.length));
    const sizes = (this.sizes = new Int32Array(examples.length));
    const bareSizes = (this.bareSizes = new Int32Array(examples.length));
    const kindCounts = (this.kindCounts = new Int32Array(examples.length));
    const statedKinds = (this.stated = new Uint8Array(examples.length));
    let filled = 0;
    for (const { topic, terms } of examples) {
      let norm = 0;
      let kindNorm = 0;
      let size = 0;
      let named = 0;
      let kindTerms = 0;
      let mustState = 0;
      for (let at = 0; at < terms.length; at++) {
        const term = terms[at]!;
        // An example is a handful of words: a repeat is found by looking back, cheaper than a set
        // filled and emptied for each of thousands of examples.
        if (heldBefore(terms, at)) continue;
        if (holders[term] === 0) weights[term] = idf(numbering.term(term));
        const weight = weights[term]!;
        norm += weight * weight;
        holders[term]!++;
        if (term === domainNumber) named = 1;
        if (isKindNumber[term]! > 0) {
          if (isKindNumber[term] === 2) mustState = 1;
          kindTerms++;
          kindNorm += weight * weight;
        }
        sequence[filled + size++] = term;
      }
      if (size === 0) continue;
      const example = this.topics.push(topic) - 1;
      norms[example] = Math.sqrt(norm);
      kindlessNorms[example] = Math.sqrt(norm - kindNorm);
      sizes[example] = size - kindTerms;
      bareSizes[example] = size - kindTerms - named;
      kindCounts[example] = kindTerms;
      statedKinds[example] = mustState;
      filled += size;
    }
    const starts = (this.starts = new Int32Array(numbering.size + 1));
    holders.forEach((count, term) => (starts[term + 1] = starts[term]! + count));
    const holding = (this.holding = new Int32Array(filled));
    const next = starts.slice(0, numbering.size);
    let at = 0;
    for (let example = 0; example < this.topics.length; example++) {
      for (const end = at + sizes[example]! + kindCounts[example]!; at < end; at++) holding[next[sequence[at]!]!++] = example;
    }
  }

  /** Topic id → similarity in 0–1 of its closest example. */
  similarity(terms: readonly string[]): Map<string, number> {
    const unique = new Set(terms);
    const kindless = !terms.some(this.isKind);
    let norm = 0;
    const dots = (this.dots ??= new Float64Array(this.topics.length));
    const touched = (this.touched ??= new Int32Array(this.topics.length));
    let reached = 0;
    for (const term of unique) {
      const weight = this.idf(term);
      norm += weight * weight;
      const number = this.numbering.find(term);
      if (number === undefined) continue;
      for (let k = this.starts[number]!; k < this.starts[number + 1]!; k++) {
        const example = this.holding[k]!;
        const before = dots[example]!;
        if (before === 0) touched[reached++] = example;
        dots[example] = before + weight * weight;
      }
    }
    const best = new Map<string, number>();
    const questionNorm = Math.sqrt(norm);
    for (let at = 0; at < reached; at++) {
      const id = touched[at]!;
      const topic = this.topics[id]!;
      // A question that states no kind is weighed against an example's other terms, unless the example
      // states a kind that must be stated: then the kind it leaves out counts as a term it misses.
      const cosine = dots[id]! / (questionNorm * (kindless && this.stated[id] === 0 ? this.kindlessNorms : this.norms)[id]!);
      dots[id] = 0;
      if (cosine > (best.get(topic) ?? 0)) best.set(topic, cosine);
    }
    return best;
  }

  /**
   * The one topic with an example question of exactly these terms (order and repeats aside); none
   * when several topics have one, or when another topic has one that differs only by the domain's
   * name: written or left out, that word asks the same question ("how was this image built" and
   * "how do I build a docker image"), so the two topics tie.
   */
  owner(terms: readonly string[]): string | undefined {
    const unique = [...new Set(terms)];
    const kinds = unique.filter(this.isKind).length;
    const exact = this.owners(unique, this.sizes, kinds);
    if (exact.size !== 1) return undefined;
    const bare = unique.filter((term) => term !== this.domain);
    if (bare.length === 0) return [...exact][0];
    for (const topic of this.owners(bare, this.bareSizes, kinds)) if (!exact.has(topic)) return undefined;
    return [...exact][0];
  }

  /**
   * The topics with an example of exactly these distinct terms, counted by `sizes` (kinds aside), of
   * which `kinds` are kind terms: an example must have just those kinds, or, when `kinds` is 0, none
   * that must be stated.
   * Looked up in the postings when asked, so building keys no example: such an example holds the
   * rarest of the terms, and the others are found by binary search.
   */
  private owners(unique: readonly string[], sizes: Int32Array, kinds: number): Set<string> {
    const found = new Set<string>();
    const [rarest, ...others] = unique.map((term) => this.holdersOf(term)).sort((a, b) => a.length - b.length);
    if (!rarest) return found;
    const words = unique.length - kinds;
    for (const id of rarest) {
      if (sizes[id] !== words || found.has(this.topics[id]!)) continue;
      if (kinds > 0 ? this.kindCounts[id] !== kinds : this.stated[id] === 1) continue;
      if (others.every((list) => holds(list, id))) found.add(this.topics[id]!);
    }
    return found;
  }

  /** The examples holding a term, in the order they were added. */
  private holdersOf(term: string): Int32Array {
    const number = this.numbering.find(term);
    return number === undefined ? this.holding.subarray(0, 0) : this.holding.subarray(this.starts[number], this.starts[number + 1]);
  }
}

/** Whether the term at `at` is also one of those before it. */
function heldBefore(terms: ArrayLike<number>, at: number): boolean {
  for (let before = 0; before < at; before++) if (terms[before] === terms[at]) return true;
  return false;
}

/** Whether postings, in the order examples were added, hold an example. */
function holds(postings: Int32Array, example: number): boolean {
  let low = 0;
  let high = postings.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = postings[middle]!;
    if (found === example) return true;
    if (found < example) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
