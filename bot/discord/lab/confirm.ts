import { newToken } from './custom-id.js';
import type { Requester } from './origin.js';

export type Answer = 'yes' | 'no' | 'timeout';

interface Waiting {
  readonly owner: Requester;
  settle(answer: Answer): void;
}

/**
 * Questions a load waits on ("replace these tags?"). Only the person who asked may answer; no
 * answer in time is a no, so nothing is ever loaded without an explicit yes.
 */
export class Confirmations {
  private readonly waiting = new Map<string, Waiting>();

  ask(owner: Requester, timeoutMs: number): { token: string; answer: Promise<Answer> } {
    const token = newToken();
    const answer = new Promise<Answer>((resolve) => {
      const timer = setTimeout(() => settle('timeout'), timeoutMs);
      timer.unref();
      const settle = (value: Answer) => {
        clearTimeout(timer);
        this.waiting.delete(token);
        resolve(value);
      };
      this.waiting.set(token, { owner, settle });
    });
    return { token, answer };
  }

  /** Who may answer the question behind `token`, or undefined once it is answered or expired. */
  owner(token: string): Requester | undefined {
    return this.waiting.get(token)?.owner;
  }

  settle(token: string, answer: 'yes' | 'no'): void {
    this.waiting.get(token)?.settle(answer);
  }

  /** At shutdown: every open question is answered no, so nothing waits on a click that cannot come. */
  declineAll(): void {
    for (const waiting of [...this.waiting.values()]) waiting.settle('no');
  }
}
