import type { Clock } from '../core/clock.js';
import type { Lang } from '../core/lang.js';
import type { GapLog } from './gaps.js';
import type { Knowledge } from './knowledge.js';
import type { Outcome } from './outcome.js';

export type Asker = (question: string, options: { lang?: Lang; via: string }) => Promise<Outcome>;

/** Answers a question and keeps every unsure or unanswered one, so the knowledge base can grow from real gaps. */
export function createAsker(deps: { knowledge: Knowledge; gaps: GapLog; clock: Clock }): Asker {
  return async (question, { lang, via }) => {
    const outcome = deps.knowledge.ask(question, lang ? { lang } : {});
    if (outcome.status !== 'answer') {
      await deps.gaps.record({
        time: deps.clock.now().toISOString(),
        question,
        lang: outcome.lang,
        status: outcome.status,
        suggestions: outcome.status === 'suggest' ? outcome.suggestions.map((topic) => topic.id) : [],
        score: outcome.score,
        via,
      });
    }
    return outcome;
  };
}
