/**
 * How close a question comes to the ways people ask about each topic (its aliases): the best
 * IDF-weighted cosine between the question's terms and one example's. A question phrased like an
 * example of one topic and unlike any other's is a clear answer even where the topics share words.
 */
export class ExampleIndex {
  /** Term → flat pairs (example, weight). */
  private readonly postings = new Map<string, number[]>();
  private readonly examples: Array<{ topic: string; norm: number; size: number }> = [];
  /** Scratch space for one question's dot products, zeroed again after each use. */
  private dots: Float64Array | undefined;

  constructor(
    examples: Iterable<{ topic: string; terms: readonly string[] }>,
    private readonly idf: (term: string) => number,
  ) {
    for (const { topic, terms } of examples) {
      const unique = new Set(terms);
      if (unique.size === 0) continue;
      const id = this.examples.length;
      let norm = 0;
      for (const term of unique) {
        const weight = idf(term);
        norm += weight * weight;
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(id, weight);
      }
      this.examples.push({ topic, norm: Math.sqrt(norm), size: unique.size });
    }
  }

  /** Topic id → similarity in 0–1 of its closest example. */
  similarity(terms: readonly string[]): Map<string, number> {
    const unique = new Set(terms);
    let norm = 0;
    const dots = (this.dots ??= new Float64Array(this.examples.length));
    const touched: number[] = [];
    for (const term of unique) {
      const weight = this.idf(term);
      norm += weight * weight;
      const list = this.postings.get(term);
      if (!list) continue;
      for (let at = 0; at < list.length; at += 2) {
        const example = list[at]!;
        const before = dots[example]!;
        if (before === 0) touched.push(example);
        dots[example] = before + weight * list[at + 1]!;
      }
    }
    const best = new Map<string, number>();
    const questionNorm = Math.sqrt(norm);
    for (const id of touched) {
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
    const [rarest, ...others] = unique.map((term) => this.postings.get(term) ?? []).sort((a, b) => a.length - b.length);
    if (!rarest) return undefined;
    let owner: string | undefined;
    let owners = 0;
    for (let at = 0; at < rarest.length; at += 2) {
      const id = rarest[at]!;
      const { topic, size } = this.examples[id]!;
      if (size !== unique.length || topic === owner || !others.every((list) => holds(list, id))) continue;
      owner = topic;
      owners++;
    }
    return owners === 1 ? owner : undefined;
  }
}

/** Whether postings, pairs in the order examples were added, hold an example. */
function holds(postings: readonly number[], example: number): boolean {
  let low = 0;
  let high = postings.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = postings[middle * 2]!;
    if (found === example) return true;
    if (found < example) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
