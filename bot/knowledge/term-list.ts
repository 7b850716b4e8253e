/**
 * Term numbers gathered one at a time into room reused from one list to the next, and handed out
 * as typed arrays of exactly their size. An index build gathers hundreds of thousands: a plain list
 * grown for each field copied itself several times over as it grew, and what it kept the young
 * collector copied again, where a typed array's numbers lie outside the collected heap.
 */
export class TermList {
  private items = new Int32Array(1024);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(term: number): void {
    if (this.count === this.items.length) {
      const larger = new Int32Array(this.items.length * 2);
      larger.set(this.items);
      this.items = larger;
    }
    this.items[this.count++] = term;
  }

  /** The terms gathered, in a list of their own. */
  copy(): Int32Array {
    return this.items.slice(0, this.count);
  }

  /** Forgets every term gathered, keeping the room they took. */
  clear(): void {
    this.count = 0;
  }
}
