import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

const gapSchema = z.object({
  time: z.string(),
  question: z.string(),
  lang: z.enum(['en', 'ko']),
  status: z.enum(['answer', 'suggest', 'unknown']),
  /** The topic that was answered; null for a suggestion or an unknown. */
  topic: z.string().nullable().default(null),
  suggestions: z.array(z.string()),
  /** Search score; for a vote, the voted answer's (0 when the person picked the topic rather than asking). */
  score: z.number(),
  via: z.string(),
  /** What the front calls the question (a Discord interaction or message id), so a vote on its answer finds it. */
  ref: z.string().optional(),
  /** The topic a follow-up was read together with. */
  after: z.string().optional(),
  /** Topics the asker turned down right before, rewording the question ("not that, …"): kept for whoever reads the log. */
  turnedDown: z.array(z.string()).optional(),
  /** A person's rating of an answer: the record repeats the question, topic and score it rates. */
  vote: z.enum(['up', 'down']).optional(),
  /** What a 👎 voter says they were looking for. */
  text: z.string().optional(),
  /** The rated answer (a Discord message id) and who rated it: one vote per person per answer. */
  answer: z.string().optional(),
  voter: z.string().optional(),
  /** Who opened `topic` from the question's "did you mean" list: the record repeats that question. */
  pickedBy: z.string().optional(),
  /** What the front calls the message the topic opened in, so a vote on it finds the question. */
  opened: z.string().optional(),
});

/**
 * A question and what Gorae made of it. Unanswered ones are the raw material for new topics;
 * answered ones keep their topic and score, so a confident wrong answer can be found later; votes
 * on answers say which ones were wrong, and the suggestions people open say what they meant.
 */
export type Gap = z.infer<typeof gapSchema>;
export type VoteKind = NonNullable<Gap['vote']>;

/** A question someone asked, as opposed to a vote on an answer or a suggestion someone opened. */
export const isQuestion = (gap: Gap): boolean => gap.vote === undefined && gap.pickedBy === undefined;

/** A suggestion someone opened from a question's "did you mean" list. */
export const isPick = (gap: Gap): boolean => gap.vote === undefined && gap.pickedBy !== undefined;

export interface GapLog {
  record(gap: Gap): Promise<void>;
  /** The latest records that pass `keep`, newest first. */
  recent(limit: number, keep?: (gap: Gap) => boolean): Promise<Gap[]>;
}

/** Appends one JSON object per line; unreadable lines are skipped so a torn write never blocks reading. */
export function jsonlGapLog(path: string): GapLog {
  return {
    async record(gap) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify(gap)}\n`, 'utf8');
    },
    async recent(limit, keep = () => true) {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return [];
      }
      const gaps: Gap[] = [];
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          const parsed = gapSchema.safeParse(JSON.parse(line));
          if (parsed.success && keep(parsed.data)) gaps.push(parsed.data);
        } catch {
          continue;
        }
      }
      return gaps.slice(-limit).reverse();
    },
  };
}
