import { languageOf, type Lang } from '../core/lang.js';
import type { Knowledge } from './knowledge.js';
import type { Outcome } from './outcome.js';
import type { Topic } from './topic.js';

/**
 * Below this an answer rests on a word or two that many topics share ("too big" → image history at
 * 28, "is it faster?" → Docker vs VMs at 13); a follow-up that alone names a topic scores far above
 * ("gzip?" 184, "without internet?" 325).
 */
export const WEAK_ANSWER_SCORE = 100;

/**
 * A line that leans on the answer before is short ("and the reverse?", "압축도 돼?"); a longer one
 * ("how do I bake bread") is a question of its own.
 */
export const SHORT_FOLLOW_UP_WORDS = 4;

/**
 * Reads a follow-up ("압축도 돼?", "and on Windows?") after an answer about `previous`. What clearly
 * names a topic goes there; otherwise a candidate of its own that the previous topic links to wins,
 * then the question asked again with the previous topic's title added. Nothing better: as asked.
 */
export function askAfter(knowledge: Knowledge, question: string, previous: Topic, lang: Lang = languageOf(question)): Outcome {
  const alone = knowledge.ask(question, { lang });
  if (alone.status === 'answer' && alone.score >= WEAK_ANSWER_SCORE) return alone;
  const candidates = alone.status === 'answer' ? [alone.topic] : alone.status === 'suggest' ? alone.suggestions : [];
  const linked = candidates.find((topic) => topic.id === previous.id || previous.related.includes(topic.id));
  if (linked) return { status: 'answer', lang, topic: linked, score: alone.score, coverage: alone.coverage };
  if (question.trim().split(/\s+/u).length > SHORT_FOLLOW_UP_WORDS) return alone;
  const together = knowledge.ask(`${question} ${previous[lang].title}`, { lang });
  if (together.status === 'answer') return together;
  // Read together, the topic before still leads: the line goes on about it.
  if (together.status === 'suggest' && together.suggestions[0]?.id === previous.id) {
    return { status: 'answer', lang, topic: previous, score: together.score, coverage: together.coverage };
  }
  return alone;
}
