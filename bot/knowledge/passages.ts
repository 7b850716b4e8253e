import type { Lang } from '../core/lang.js';
import type { Knowledge } from './knowledge.js';
import { paragraphsOf } from './paragraphs.js';
import type { Topic } from './topic.js';

/**
 * The paragraphs of a topic's answer that speak of what a follow-up adds to it: "and in compose?"
 * after memory limits finds the paragraph on `mem_limit`. A term most paragraphs hold ("docker")
 * picks out nothing; of the rest, the rarest in the answer decides. None when the line adds
 * nothing the title does not say already, when no paragraph holds it, or when more than a third
 * of the answer does: then the whole topic is what it points to.
 */
export function passagesFor(knowledge: Knowledge, topic: Topic, lang: Lang, line: string): string[] {
  const titled = new Set(knowledge.termsOf(topic[lang].title));
  const added = knowledge.termsOf(line).filter((term) => !titled.has(term));
  if (added.length === 0) return [];
  const paragraphs = paragraphsOf(topic[lang].answer);
  const termsOf = paragraphs.map((paragraph) => new Set(knowledge.termsOf(paragraph)));
  const holding = (term: string) => paragraphs.filter((_, k) => termsOf[k]!.has(term));
  const rarest = [...new Set(added)]
    .map((term) => ({ term, count: holding(term).length }))
    .filter(({ count }) => count > 0 && count * 2 <= paragraphs.length)
    .sort((a, b) => a.count - b.count)[0];
  if (!rarest) return [];
  const found = holding(rarest.term);
  return found.length > Math.max(1, Math.floor(paragraphs.length / 3)) ? [] : found;
}

/** How far into a paragraph its subject is named: "In Compose, …", "**Compose:** …", "Compose에서는 …". */
const OPENING = 40;

/** Whether the topic has a paragraph given to what the follow-up adds, naming it in its opening words. */
export function hasPassageOn(knowledge: Knowledge, topic: Topic, lang: Lang, line: string): boolean {
  const added = new Set(knowledge.termsOf(line));
  return passagesFor(knowledge, topic, lang, line).some((passage) => knowledge.termsOf(passage.slice(0, OPENING)).some((term) => added.has(term)));
}
