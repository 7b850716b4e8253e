import { hasHangul } from '../core/lang.js';
import type { Knowledge } from './knowledge.js';

/** Words that join the terms of such a line: "bind mount vs volume", "CMD or ENTRYPOINT". */
const JOINING = new Set(['vs', 'vs.', 'versus', 'or', 'and', '/']);
/** Longer than this, a line of known words is a sentence someone wrote in their language. */
const MOST_WORDS = 6;

/**
 * A line made only of Docker's own words ("bind mount vs volume", "CMD vs ENTRYPOINT", "Dockerfile")
 * is written the same way in a Korean chat as in an English one: it says nothing of the language its
 * writer reads. A word the knowledge base doesn't know, or an English word that carries no topic
 * ("how", "the"), makes it a sentence in English.
 */
export function namesOnlyTerms(knowledge: Knowledge, line: string): boolean {
  if (hasHangul(line)) return false;
  const words = line.replace(/[?？!.,:;]+/gu, ' ').trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0 || words.length > MOST_WORDS) return false;
  return words.every((word) => JOINING.has(word.toLowerCase()) || knowledge.termsOf(word).length > 0);
}
