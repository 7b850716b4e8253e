import { z } from 'zod';

const line = z.string().trim().min(1);

const side = z
  .object({
    title: line.max(80),
    summary: line.max(200),
    answer: z.string().trim().min(120),
    aliases: z.array(line).min(1),
    keywords: z.array(line).default([]),
  })
  .strict();

export const topicSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by hyphens'),
    source: z.array(z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$|^docker-docs$/)).min(1),
    related: z.array(z.string()).default([]),
    commands: z
      .array(z.object({ command: line, en: line, ko: line }).strict())
      .default([]),
    /** The stable text of error messages this topic explains; `…` stands for a part that varies. */
    errors: z.array(line.max(200)).default([]),
    /** Error text that reports the aftermath of another failure ("Container … is not running"): any other error in the same paste is its cause and wins. */
    aftermath: z.array(line.max(200)).default([]),
    en: side,
    ko: side,
  })
  .strict();

export type Topic = z.infer<typeof topicSchema>;
export type TopicSide = Topic['en'];
