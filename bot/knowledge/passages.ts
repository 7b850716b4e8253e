import type { Lang } from '../core/lang.js';
import type { Knowledge } from './knowledge.js';
import type { Topic } from './topic.js';

/** More than this many paragraphs is most of an answer: the whole topic is what it points to. */
const MOST = 2;

/**
 * The paragraphs of a topic's answer that speak of what a follow-up adds to it: "and in compose?"
 * after memory limits finds the paragraph on `mem_limit`. None when the line adds nothing the
 * topic's title does not say already, or when no paragraph holds it, or when most of them do.
 */
export function passagesFor(knowledge: Knowledge, topic: Topic, lang: Lang, line: string): string[] {
  const titled = new Set(knowledge.termsOf(topic[lang].title));
  const added = knowledge.termsOf(line).filter((term) => !titled.has(term));
  if (added.length === 0) return [];
  const paragraphs = topic[lang].answer
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const holding = paragraphs.filter((paragraph) => {
    const terms = new Set(knowledge.termsOf(paragraph));
    return added.some((term) => terms.has(term));
  });
  return holding.length > MOST ? [] : holding;
}
