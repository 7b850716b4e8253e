/**
 * How close a question comes to the ways people ask about each topic (its aliases): the best
 * IDF-weighted cosine between the question's terms and one example's. A question phrased like an
 * example of one topic and unlike any other's is a clear answer even where the topics share words.
 */
export class ExampleIndex {
  private readonly postings = new Map<string, Array<{ example: number; weight: number }>>();
  private readonly examples: Array<{ topic: string; norm: number }> = [];
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
        const list = this.postings.get(term) ?? [];
        list.push({ example: id, weight });
        this.postings.set(term, list);
      }
      this.examples.push({ topic, norm: Math.sqrt(norm) });
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
      for (const posting of this.postings.get(term) ?? []) {
        const before = dots[posting.example]!;
        if (before === 0) touched.push(posting.example);
        dots[posting.example] = before + weight * posting.weight;
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
}
