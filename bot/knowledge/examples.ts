/**
 * How close a question comes to the ways people ask about each topic (its aliases): the best
 * IDF-weighted cosine between the question's terms and one example's. A question phrased like an
 * example of one topic and unlike any other's is a clear answer even where the topics share words.
 */
export class ExampleIndex {
  private readonly postings = new Map<string, Array<{ example: number; weight: number }>>();
  private readonly examples: Array<{ topic: string; norm: number }> = [];

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
    const dots = new Map<number, number>();
    for (const term of unique) {
      const weight = this.idf(term);
      norm += weight * weight;
      for (const posting of this.postings.get(term) ?? []) dots.set(posting.example, (dots.get(posting.example) ?? 0) + weight * posting.weight);
    }
    const best = new Map<string, number>();
    if (norm === 0) return best;
    const questionNorm = Math.sqrt(norm);
    for (const [id, dot] of dots) {
      const example = this.examples[id]!;
      const cosine = dot / (questionNorm * example.norm);
      if (cosine > (best.get(example.topic) ?? 0)) best.set(example.topic, cosine);
    }
    return best;
  }
}
