import type { Lang } from '../core/lang.js';
import type { Knowledge } from './knowledge.js';
import { paragraphsOf } from './paragraphs.js';
import type { Topic } from './topic.js';

/** How far into a paragraph its subject is named: "In Compose, …", "**Compose:** …", "Compose에서는 …". */
const OPENING = 40;

/**
 * The paragraphs of a topic's answer that speak of what a follow-up adds to it: "and in compose?"
 * after memory limits finds the paragraph on `mem_limit`. A paragraph naming it in its opening
 * words is given to it and answers first. Otherwise the rarest added term in the answer decides,
 * unless more than a third of the answer holds it: then the whole topic is what it points to. A term
 * most paragraphs hold ("docker") picks out nothing, nor does one the title says already.
 */
export function passagesFor(knowledge: Knowledge, topic: Topic, lang: Lang, line: string): string[] {
  const { paragraphs, holding, rare } = reading(knowledge, topic, lang, line);
  const given = givenTo(knowledge, paragraphs, rare);
  if (given.length > 0) return given;
  const found = rare.length > 0 ? holding(rare[0]!) : [];
  return found.length > Math.max(1, Math.floor(paragraphs.length / 3)) ? [] : found;
}

/** Whether the topic has a paragraph given to what the follow-up adds, naming it in its opening words. */
export function hasPassageOn(knowledge: Knowledge, topic: Topic, lang: Lang, line: string): boolean {
  const { paragraphs, rare } = reading(knowledge, topic, lang, line);
  return givenTo(knowledge, paragraphs, rare).length > 0;
}

/** The paragraphs naming one of `terms` in their opening words: given to that subject. */
const givenTo = (knowledge: Knowledge, paragraphs: readonly string[], terms: readonly string[]): string[] =>
  paragraphs.filter((paragraph) => knowledge.termsOf(paragraph.slice(0, OPENING)).some((term) => terms.includes(term)));

/** Whether the line adds a subject the topic never speaks of ("맥에서는요?" after a topic with nothing on Mac). */
export function speaksNotOf(knowledge: Knowledge, topic: Topic, lang: Lang, line: string): boolean {
  const side = topic[lang];
  const known = new Set(knowledge.termsOf(`${side.title}\n${side.summary}\n${side.answer}`));
  const asked = knowledge.termsOf(line);
  return asked.length > 0 && asked.every((term) => !known.has(term));
}

/** The answer's paragraphs, and the terms the line adds that at most half of them hold, rarest first. */
function reading(knowledge: Knowledge, topic: Topic, lang: Lang, line: string) {
  const titled = new Set(knowledge.termsOf(topic[lang].title));
  const added = [...new Set(knowledge.termsOf(line))].filter((term) => !titled.has(term));
  const paragraphs = paragraphsOf(topic[lang].answer);
  const termsOf = paragraphs.map((paragraph) => new Set(knowledge.termsOf(paragraph)));
  const holding = (term: string) => paragraphs.filter((_, k) => termsOf[k]!.has(term));
  const rare = added
    .map((term) => ({ term, count: holding(term).length }))
    .filter(({ count }) => count > 0 && count * 2 <= paragraphs.length)
    .sort((a, b) => a.count - b.count)
    .map(({ term }) => term);
  return { paragraphs, holding, rare };
}
