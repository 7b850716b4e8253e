/**
 * Terms numbered in the order first met. An index build meets each of its terms hundreds of times:
 * numbered once, where a word is first read, a term is afterwards a small integer, and the lists
 * built of terms are flat lists of integers that need no look-up by string and that the collector
 * need not copy object by object.
 */
export class TermNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];

  get size(): number {
    return this.terms.length;
  }

  /** The term's number, giving it the next one if it has none yet. */
  number(term: string): number {
    let number = this.numbers.get(term);
    if (number === undefined) {
      number = this.terms.push(term) - 1;
      this.numbers.set(term, number);
    }
    return number;
  }

  /** The term's number, if it has one. */
  find(term: string): number | undefined {
    return this.numbers.get(term);
  }

  term(number: number): string {
    return this.terms[number]!;
  }

  /** The terms of a list of numbers. */
  termsOf(numbers: ArrayLike<number>): string[] {
    return Array.from(numbers, (number) => this.terms[number]!);
  }
}
