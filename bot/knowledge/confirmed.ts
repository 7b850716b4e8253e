import type { Lang } from '../core/lang.js';
import { isPick, type Gap } from './gaps.js';

/** A question people asked and then said which topic answers it: a label written by the askers themselves. */
export interface Confirmed {
  readonly question: string;
  readonly lang: Lang;
  readonly topic: string;
  /** How many people said so, by opening the topic from its suggestions or rating it 👍. */
  readonly people: number;
  /** When the last of them did. */
  readonly time: string;
}

/** What the gap log says of one question's topics. */
interface Said {
  readonly question: string;
  readonly lang: Lang;
  readonly backers: Map<string, Set<string>>;
  readonly rejected: Set<string>;
  time: string;
}

/**
 * The questions whose topic the people who met them confirmed, oldest first. A topic is confirmed
 * when someone opened it from the question's "did you mean" list or rated it 👍, nobody rated it 👎
 * for that question, and no other topic of the question stands so too: two topics opened and kept
 * say the question was unclear, not which one it meant. A vote on a topic opened on its own
 * (score 0, see feedback.ts) rates no question.
 */
export function confirmedTopics(gaps: Iterable<Gap>): Confirmed[] {
  const questions = new Map<string, Said>();
  for (const gap of gaps) {
    const backer = gap.vote === 'up' && gap.score > 0 ? gap.voter : isPick(gap) ? gap.pickedBy : undefined;
    const rejects = gap.vote === 'down' && gap.score > 0;
    if (!gap.topic || (!backer && !rejects)) continue;
    const key = `${gap.lang}\t${gap.question.trim()}`;
    let said = questions.get(key);
    if (!said) questions.set(key, (said = { question: gap.question.trim(), lang: gap.lang, backers: new Map(), rejected: new Set(), time: gap.time }));
    if (gap.time > said.time) said.time = gap.time;
    if (rejects) said.rejected.add(gap.topic);
    else if (backer) said.backers.set(gap.topic, (said.backers.get(gap.topic) ?? new Set()).add(backer));
  }
  const confirmed: Confirmed[] = [];
  for (const { question, lang, backers, rejected, time } of questions.values()) {
    const backed = [...backers].filter(([topic]) => !rejected.has(topic));
    if (backed.length !== 1) continue;
    const [[topic, people]] = backed as [[string, Set<string>]];
    confirmed.push({ question, lang, topic, people: people.size, time });
  }
  return confirmed.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}
