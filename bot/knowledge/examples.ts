/**
 * How close a question comes to the ways people ask about each topic (its aliases): the best
 * IDF-weighted cosine between the question's terms and one example's. A question phrased like an
 * example of one topic and unlike any other's is a clear answer even where the topics share words.
 */
export class ExampleIndex {
  /**
   * Term → its IDF, worked out once, and the examples holding it in the order they were added: a
   * term weighs the same in every example, so no posting carries a weight of its own.
   */
  private readonly postings = new Map<string, { readonly weight: number; readonly examples: number[] }>();
  private readonly examples: Array<{ topic: string; norm: number; size: number }> = [];
  /**
   * Scratch space for one question: each example's dot product, zeroed again after each use, and the
   * examples reached. Common words reach thousands of examples; a list grown for each question made
   * a third of what answering one allocated.
   */
  private dots: Float64Array | undefined;
  private touched: Int32Array | undefined;

  constructor(
    examples: Iterable<{ topic: string; terms: readonly string[] }>,
    private readonly idf: (term: string) => number,
  ) {
    for (const { topic, terms } of examples) {
      const id = this.examples.length;
      let norm = 0;
      let size = 0;
      for (let at = 0; at < terms.length; at++) {
        const term = terms[at]!;
        // An example is a handful of words: a repeat is found by looking back, cheaper than a set
        // filled and emptied for each of thousands of examples.
        if (terms.indexOf(term) < at) continue;
        let posting = this.postings.get(term);
        if (!posting) this.postings.set(term, (posting = { weight: idf(term), examples: [] }));
        norm += posting.weight * posting.weight;
        posting.examples.push(id);
        size++;
      }
      if (size > 0) this.examples.push({ topic, norm: Math.sqrt(norm), size });
    }
  }

  /** Topic id → similarity in 0–1 of its closest example. */
  similarity(terms: readonly string[]): Map<string, number> {
    const unique = new Set(terms);
    let norm = 0;
    const dots = (this.dots ??= new Float64Array(this.examples.length));
    const touched = (this.touched ??= new Int32Array(this.examples.length));
    let reached = 0;
    for (const term of unique) {
      const weight = this.idf(term);
      norm += weight * weight;
      const posting = this.postings.get(term);
      if (!posting) continue;
      for (const example of posting.examples) {
        const before = dots[example]!;
        if (before === 0) touched[reached++] = example;
        dots[example] = before + weight * weight;
      }
    }
    const best = new Map<string, number>();
    const questionNorm = Math.sqrt(norm);
    for (let at = 0; at < reached; at++) {
      const id = touched[at]!;
      const example = this.examples[id]!;
      const cosine = dots[id]! / (questionNorm * example.norm);
      dots[id] = 0;
      if (cosine > (best.get(example.topic) ?? 0)) best.set(example.topic, cosine);
    }
    return best;
  }

  /**
   * The one topic with an example question of exactly these terms (order and repeats aside); none
   * when several topics have one. Looked up in the postings when asked, so building keys no example:
   * such an example holds the rarest of the terms, and the others are found by binary search.
   */
  owner(terms: readonly string[]): string | undefined {
    const unique = [...new Set(terms)];
    const [rarest, ...others] = unique.map((term) => this.postings.get(term)?.examples ?? []).sort((a, b) => a.length - b.length);
    if (!rarest) return undefined;
    let owner: string | undefined;
    let owners = 0;
    for (const id of rarest) {
      const { topic, size } = this.examples[id]!;
      if (size !== unique.length || topic === owner || !others.every((list) => holds(list, id))) continue;
      owner = topic;
      owners++;
    }
    return owners === 1 ? owner : undefined;
  }
}

/** Whether postings, in the order examples were added, hold an example. */
function holds(postings: readonly number[], example: number): boolean {
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
