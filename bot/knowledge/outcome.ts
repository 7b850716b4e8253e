import type { Lang } from '../core/lang.js';
import type { Topic } from './topic.js';

/**
 * What answering a question can lead to; fronts render each status their own way. `coverage` (0–1)
 * is how much of the question the knowledge base knows, whatever became of it. An answer is `firm`
 * when the question alone settles it: a pasted error's text, or asked word for word like one of the
 * topic's example questions.
 */
export type Outcome =
  | { readonly status: 'answer'; readonly lang: Lang; readonly topic: Topic; readonly score: number; readonly coverage: number; readonly firm?: boolean }
  | { readonly status: 'suggest'; readonly lang: Lang; readonly suggestions: readonly Topic[]; readonly score: number; readonly coverage: number }
  | { readonly status: 'unknown'; readonly lang: Lang; readonly score: number; readonly coverage: number };

export type Status = Outcome['status'];

export interface AskOptions {
  /** Forces the answer language; otherwise the question's own language is used. */
  readonly lang?: Lang;
  /** Topics the asker turned down just before ("not that, …"): never the answer nor among the suggestions. */
  readonly excluding?: readonly string[];
}
