import type { Clock } from '../core/clock.js';
import type { Lang } from '../core/lang.js';
import { fail, ok, type Result } from '../core/result.js';
import { isQuestion, type Gap, type GapLog, type VoteKind } from './gaps.js';
import type { Topic } from './topic.js';

/** One person's 👍 or 👎 on one answer, with what the front knows about it. */
export interface VoteInput {
  /** The answer rated (a Discord message id). */
  readonly answer: string;
  readonly voter: string;
  readonly vote: VoteKind;
  readonly topic: Topic;
  readonly lang: Lang;
  /** The ref the question was recorded under; absent when the person opened the topic themselves. */
  readonly ref: string | undefined;
  readonly text?: string;
  readonly via: string;
}

export interface Feedback {
  hasVoted(answer: string, voter: string): Promise<boolean>;
  /** Records the vote with the question, topic and score it rates; a second vote on the same answer is refused. */
  vote(input: VoteInput): Promise<Result<Gap, 'knowledge.vote.twice'>>;
}


/**
 * Votes go into the gap log beside the questions they rate. One at a time per process, so two quick
 * clicks by the same person cannot both pass the "already voted" check.
 */
export function createFeedback(deps: { readonly gaps: GapLog; readonly clock: Clock }): Feedback {
  const { gaps, clock } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const hasVoted = async (answer: string, voter: string): Promise<boolean> =>
    (await gaps.recent(1, (gap) => gap.answer === answer && gap.voter === voter)).length > 0;

  return {
    hasVoted,
    vote: (input) =>
      serial(async () => {
        if (await hasVoted(input.answer, input.voter)) return fail('knowledge.vote.twice');
        const [asked] = input.ref === undefined ? [] : await gaps.recent(1, (gap) => isQuestion(gap) && gap.ref === input.ref && gap.topic === input.topic.id);
        const text = input.text?.trim();
        const record: Gap = {
          time: clock.now().toISOString(),
          question: asked?.question ?? input.topic[input.lang].title,
          lang: asked?.lang ?? input.lang,
          status: 'answer',
          topic: input.topic.id,
          suggestions: [],
          score: asked?.score ?? 0,
          via: input.via,
          ...(input.ref === undefined ? {} : { ref: input.ref }),
          vote: input.vote,
          ...(text ? { text } : {}),
          answer: input.answer,
          voter: input.voter,
        };
        await gaps.record(record);
        return ok(record);
      }),
  };
}
