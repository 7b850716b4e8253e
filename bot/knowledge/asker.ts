import type { Clock } from '../core/clock.js';
import type { Lang } from '../core/lang.js';
import type { GapLog } from './gaps.js';
import type { Knowledge } from './knowledge.js';
import type { Outcome } from './outcome.js';

export type Asker = (question: string, options: { lang?: Lang; via: string }) => Promise<Outcome>;

export interface AskerDeps {
  readonly knowledge: Knowledge;
  readonly gaps: GapLog;
  readonly clock: Clock;
  /** A gap that could not be recorded is reported here; the person still gets their answer. */
  readonly onGapError: (error: unknown) => void;
}

/**
 * Answers a question and records it with what became of it: unanswered ones show where the
 * knowledge base must grow, answered ones (topic and score) let a confident wrong answer be found.
 */
export function createAsker(deps: AskerDeps): Asker {
  return async (question, { lang, via }) => {
    const outcome = deps.knowledge.ask(question, lang ? { lang } : {});
    await deps.gaps
      .record({
        time: deps.clock.now().toISOString(),
        question,
        lang: outcome.lang,
        status: outcome.status,
        topic: outcome.status === 'answer' ? outcome.topic.id : null,
        suggestions: outcome.status === 'suggest' ? outcome.suggestions.map((topic) => topic.id) : [],
        score: outcome.score,
        via,
      })
      .catch(deps.onGapError);
    return outcome;
  };
}
