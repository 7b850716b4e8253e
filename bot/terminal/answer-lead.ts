import stringWidth from 'string-width';
import { paragraphsOf } from '../knowledge/paragraphs.js';

/**
 * The opening paragraphs of a long answer, for the chat: a newcomer reads the core of it first and
 * types "more" for the rest (two walkthroughs found 4,000-character answers buried what was asked).
 * Short answers, and those whose rest would be a single paragraph, are shown whole.
 */
export interface AnswerLead {
  readonly lead: string;
  /** The paragraphs left for "more"; empty when the answer is shown whole. */
  readonly rest: readonly string[];
}

/** An answer taking more terminal columns than this is cut (a Korean character takes two: the same screen, not the same count). */
const LONG = 1400;
/** The lead stops at the first paragraph that takes it past this many columns. */
const LEAD = 700;

export function answerLead(answer: string): AnswerLead {
  const whole = answer.trim();
  const paragraphs = paragraphsOf(whole);
  if (stringWidth(whole) <= LONG) return { lead: whole, rest: [] };
  let taken = 0;
  let length = 0;
  while (taken < paragraphs.length && length < LEAD) length += stringWidth(paragraphs[taken++]!);
  if (paragraphs.length - taken < 2) return { lead: whole, rest: [] };
  return { lead: paragraphs.slice(0, taken).join('\n\n'), rest: paragraphs.slice(taken) };
}
