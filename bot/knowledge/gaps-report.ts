import type { Translate } from '../i18n.js';
import { confirmedTopics, type Confirmed } from './confirmed.js';
import { isPick, isQuestion, type Gap, type GapLog } from './gaps.js';

/** How one topic's answers were rated. */
export interface TopicRating {
  readonly topic: string;
  readonly up: number;
  readonly down: number;
}

/**
 * What admins review to grow the knowledge base: worst-rated topics, 👎 answers, unanswered
 * questions, and the questions their askers confirmed a topic for (what `npm run harvest` collects).
 */
export interface GapsReport {
  readonly worst: readonly TopicRating[];
  readonly downvoted: readonly Gap[];
  readonly unanswered: readonly Gap[];
  readonly confirmed: readonly Confirmed[];
}

/** A titled list of lines; each front frames it its own way (a code block, an indent). */
export interface ReportSection {
  readonly title: string;
  readonly lines: readonly string[];
}

/** The report from the log, each list at most `count` long, newest first. */
export async function gapsReport(log: GapLog, count: number): Promise<GapsReport> {
  const said = await log.recent(Number.MAX_SAFE_INTEGER, (gap) => gap.vote !== undefined || isPick(gap));
  const votes = said.filter((gap) => gap.vote !== undefined);
  return {
    worst: worstRated(votes).slice(0, count),
    downvoted: votes.filter((vote) => vote.vote === 'down').slice(0, count),
    unanswered: await log.recent(count, (gap) => isQuestion(gap) && gap.status !== 'answer'),
    confirmed: confirmedTopics(said).reverse().slice(0, count),
  };
}

/** Topics with at least one 👎, the most 👎 beyond their 👍 first. */
export function worstRated(votes: readonly Gap[]): TopicRating[] {
  const tally = new Map<string, { up: number; down: number }>();
  for (const vote of votes) {
    if (!vote.topic) continue;
    const entry = tally.get(vote.topic) ?? { up: 0, down: 0 };
    if (vote.vote === 'up') entry.up += 1;
    if (vote.vote === 'down') entry.down += 1;
    tally.set(vote.topic, entry);
  }
  return [...tally]
    .map(([topic, { up, down }]) => ({ topic, up, down }))
    .filter((rating) => rating.down > 0)
    .sort((a, b) => b.down - b.up - (a.down - a.up) || b.down - a.down || a.topic.localeCompare(b.topic));
}

/** The report's non-empty sections; none at all when nothing is on record. */
export function reportSections(t: Translate, report: GapsReport): ReportSection[] {
  const sections: ReportSection[] = [];
  if (report.worst.length) {
    const width = Math.max(...report.worst.map((rating) => rating.topic.length));
    sections.push({
      title: t('knowledge:report.worst', { count: report.worst.length }),
      lines: report.worst.map((rating) => `${rating.topic.padEnd(width)}  👍 ${rating.up}  👎 ${rating.down}`),
    });
  }
  if (report.downvoted.length) {
    sections.push({
      title: t('knowledge:report.downvoted', { count: report.downvoted.length }),
      lines: report.downvoted.map((vote) => `${when(vote)}  ${vote.lang}  ${vote.topic ?? ''}  ${vote.question}${vote.text ? `  — ${vote.text}` : ''}`),
    });
  }
  if (report.unanswered.length) {
    sections.push({
      title: t('knowledge:report.unanswered', { count: report.unanswered.length }),
      lines: report.unanswered.map((gap) => `${when(gap)}  ${gap.lang}  ${gap.status.padEnd(7)}  ${gap.question}`),
    });
  }
  if (report.confirmed.length) {
    sections.push({
      title: t('knowledge:report.confirmed', { count: report.confirmed.length }),
      lines: report.confirmed.map((item) => `${when(item)}  ${item.lang}  ${item.topic}  ${item.question}`),
    });
  }
  return sections;
}

/** Minutes are enough to find a record; times are UTC, as the titles say. */
const when = ({ time }: { readonly time: string }): string => time.slice(0, 16).replace('T', ' ');
