import type { Clock } from '../core/clock.js';
import type { Lang } from '../core/lang.js';
import { askAfter } from './follow-up.js';
import type { GapLog } from './gaps.js';
import type { Knowledge } from './knowledge.js';
import type { Outcome } from './outcome.js';

export interface AskerOptions {
  readonly lang?: Lang;
  readonly via: string;
  /** The front's id for this question, kept in the gap log so a vote on its answer finds it. */
  readonly ref?: string;
  /** The topic answered just before: the question may be a follow-up to it. */
  readonly after?: string;
  /** Topics the asker just turned down ("not that, …"): neither answered nor offered again. A question turning one down is no follow-up, so `after` then goes unread. */
  readonly excluding?: readonly string[];
}

export type Asker = (question: string, options: AskerOptions) => Promise<Outcome>;

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
  return async (question, { lang, via, ref, after, excluding }) => {
    const turnedDown = excluding && excluding.length > 0 ? excluding : undefined;
    const previous = after === undefined || turnedDown ? undefined : deps.knowledge.topic(after);
    const outcome = previous ? askAfter(deps.knowledge, question, previous, lang) : deps.knowledge.ask(question, { ...(lang ? { lang } : {}), ...(turnedDown ? { excluding: turnedDown } : {}) });
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
        ...(ref === undefined ? {} : { ref }),
        ...(previous ? { after: previous.id } : {}),
        ...(turnedDown ? { turnedDown: [...turnedDown] } : {}),
      })
      .catch(deps.onGapError);
    return outcome;
  };
}
