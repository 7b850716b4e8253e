import type { Clock } from '../core/clock.js';
import type { Lang } from '../core/lang.js';
import { fail, ok, type Result } from '../core/result.js';
import { isPick, isQuestion, type Gap, type GapLog, type VoteKind } from './gaps.js';
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

/** One person opening a topic from a "did you mean" list. */
export interface PickInput {
  /** The ref the question was recorded under; the list answers it. */
  readonly ref: string | undefined;
  /** What the front calls the message the topic opened in. */
  readonly opened: string;
  readonly topic: Topic;
  readonly person: string;
  readonly via: string;
}

export interface Feedback {
  hasVoted(answer: string, voter: string): Promise<boolean>;
  /** Records the vote with the question, topic and score it rates; a second vote on the same answer is refused. */
  vote(input: VoteInput): Promise<Result<Gap, 'knowledge.vote.twice'>>;
  /**
   * Records that a person opened one of a question's suggestions, with the question: what people
   * pick is what they meant, the labels `npm run harvest` collects. Nothing is recorded (undefined)
   * for a topic that was not suggested for a recorded question, or that the person opened before.
   */
  picked(input: PickInput): Promise<Gap | undefined>;
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
        const ref = input.ref;
        // A topic opened from a "did you mean" list rates the question the list answered.
        const [asked] =
          ref === undefined
            ? []
            : await gaps.recent(1, (gap) => gap.topic === input.topic.id && ((isQuestion(gap) && gap.ref === ref) || (isPick(gap) && (gap.opened === ref || gap.ref === ref))));
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
    picked: (input) =>
      serial(async () => {
        const { ref, topic, person } = input;
        if (ref === undefined) return undefined;
        // The question under this ref, and this person's earlier opening of the same topic for it, in one read.
        const said = await gaps.recent(Number.MAX_SAFE_INTEGER, (gap) => gap.ref === ref && (isQuestion(gap) || (isPick(gap) && gap.topic === topic.id && gap.pickedBy === person)));
        const asked = said.find(isQuestion);
        if (!asked || asked.status !== 'suggest' || !asked.suggestions.includes(topic.id) || said.some(isPick)) return undefined;
        const record: Gap = {
          time: clock.now().toISOString(),
          question: asked.question,
          lang: asked.lang,
          status: 'suggest',
          topic: topic.id,
          suggestions: asked.suggestions,
          score: asked.score,
          via: input.via,
          ref,
          opened: input.opened,
          pickedBy: person,
        };
        await gaps.record(record);
        return record;
      }),
  };
}
