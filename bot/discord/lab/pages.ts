import type { Requester } from './origin.js';
import { newToken } from './custom-id.js';

/** A table too long for one message: every page's full content, and who may turn them. */
export interface PagedTable {
  readonly owner: Requester;
  readonly pages: readonly string[];
}

const KEEP = 200;
const TTL_MS = 30 * 60_000;

/**
 * The pages behind ◀ ▶ buttons, in memory: a bounded number, each for half an hour. An older
 * table's buttons then say the pages expired; the attached file still holds the whole table.
 */
export class PageStore {
  private readonly tables = new Map<string, { table: PagedTable; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  keep(table: PagedTable): string {
    const token = newToken();
    for (const [key, entry] of this.tables) if (entry.expires <= this.now()) this.tables.delete(key);
    while (this.tables.size >= KEEP) this.tables.delete(this.tables.keys().next().value!);
    this.tables.set(token, { table, expires: this.now() + TTL_MS });
    return token;
  }

  get(token: string): PagedTable | undefined {
    const entry = this.tables.get(token);
    return entry && entry.expires > this.now() ? entry.table : undefined;
  }
}
