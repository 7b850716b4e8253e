import { hasHangul } from '../core/lang.js';

/** Words written in capitals, and letters of any script, for telling a quoted instruction from shouting. */
const CAPITALIZED = /(?<![A-Za-z])[A-Z]{2,}(?![a-z])/gu;
const LETTERS = /\p{L}/gu;

/**
 * Whether a question writes a Dockerfile instruction the way a Dockerfile does ("USER node",
 * "FROM scratch", "FROM은 뭐야"). A question in capitals throughout is shouting, not quoting a
 * Dockerfile; Korean has no capitals, so beside Hangul a word in capitals is always written so.
 */
export function quotesInstruction(question: string, instructions: ReadonlySet<string>): boolean {
  const capitals = question.match(CAPITALIZED) ?? [];
  if (capitals.length === 0) return false;
  const letters = question.match(LETTERS)?.length ?? 0;
  const upper = capitals.reduce((sum, word) => sum + word.length, 0);
  return (hasHangul(question) || upper * 2 < letters) && capitals.some((word) => instructions.has(word));
}
