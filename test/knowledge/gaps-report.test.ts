import { describe, expect, it } from 'vitest';
import { gapsReport, reportSections, worstRated } from '../../bot/knowledge/gaps-report.js';
import type { Gap, GapLog } from '../../bot/knowledge/gaps.js';
import { createI18n, translator } from '../../bot/i18n.js';

const base = { lang: 'en' as const, suggestions: [] as string[], score: 10, via: 'test' };
const question = (minute: number, text: string, status: Gap['status']): Gap => ({
  ...base,
  time: `2026-11-22T10:${String(minute).padStart(2, '0')}:00.000Z`,
  question: text,
  status,
  topic: status === 'answer' ? 'exec' : null,
});
const vote = (minute: number, topic: string, kind: 'up' | 'down', text?: string): Gap => ({
  ...question(minute, `about ${topic}`, 'answer'),
  topic,
  vote: kind,
  answer: `a${minute}`,
  voter: 'u',
  ...(text ? { text } : {}),
});

/** A log holding `gaps` oldest first, read as the real one reads. */
const logOf = (gaps: Gap[]): GapLog => ({
  record: async () => undefined,
  recent: async (limit, keep = () => true) => gaps.filter(keep).slice(-limit).reverse(),
});

describe('the gaps report', () => {
  it('ranks topics by 👎 beyond 👍, leaving out topics nobody rated 👎', () => {
    const votes = [vote(1, 'exec', 'down'), vote(2, 'exec', 'up'), vote(3, 'ports', 'down'), vote(4, 'ports', 'down'), vote(5, 'tags', 'up')];
    expect(worstRated(votes)).toEqual([
      { topic: 'ports', up: 0, down: 2 },
      { topic: 'exec', up: 1, down: 1 },
    ]);
  });

  it('lists the questions people confirmed a topic for, newest first, under their own title', async () => {
    const opened = (minute: number, text: string, topic: string): Gap => ({ ...question(minute, text, 'suggest'), topic, pickedBy: 'u', opened: `o${minute}` });
    const log = logOf([question(1, 'get into a container', 'suggest'), opened(2, 'get into a container', 'exec'), vote(3, 'ports', 'up'), vote(4, 'exec', 'down')]);
    const report = await gapsReport(log, 10);
    expect(report.confirmed.map((item) => [item.question, item.topic])).toEqual([
      ['about ports', 'ports'],
      ['get into a container', 'exec'],
    ]);
    const [section] = reportSections(translator(createI18n(), 'ko'), { ...report, worst: [], downvoted: [], unanswered: [] });
    expect(section).toEqual({
      title: '사람들이 추천 목록에서 열었거나 👍를 눌러 주제를 확인해 준 최근 질문 2개예요 (`npm run harvest`로 모아요, 시각은 UTC):',
      lines: ['2026-11-22 10:03  en  ports  about ports', '2026-11-22 10:02  en  exec  get into a container'],
    });
  });

  it('never lists a suggestion someone opened as a question of its own', async () => {
    const opened: Gap = { ...question(2, 'save', 'suggest'), topic: 'save-load', pickedBy: 'u', opened: 'o2' };
    const report = await gapsReport(logOf([question(1, 'save', 'suggest'), opened]), 10);
    expect(report.unanswered).toEqual([question(1, 'save', 'suggest')]);
    expect(report.downvoted).toEqual([]);
  });

  it('lists 👎 answers and unanswered questions newest first, never mixing votes into questions', async () => {
    const log = logOf([question(1, 'kombucha', 'unknown'), vote(2, 'exec', 'down', 'wanted exec -it'), question(3, 'run vs start', 'answer'), question(4, 'save', 'suggest'), vote(5, 'ports', 'down')]);
    const report = await gapsReport(log, 10);
    expect(report.downvoted.map((gap) => gap.topic)).toEqual(['ports', 'exec']);
    expect(report.unanswered.map((gap) => gap.question)).toEqual(['save', 'kombucha']);
    const sections = reportSections(translator(createI18n(), 'en'), report);
    expect(sections.map((section) => section.title)).toEqual([
      "The 2 worst-rated topics (👍 and 👎 from people's votes):",
      'The last 2 answers rated 👎, with what they were looking for (times in UTC):',
      "The last 2 questions Gorae couldn't answer (times in UTC):",
    ]);
    expect(sections[1]!.lines[1]).toBe('2026-11-22 10:02  en  exec  about exec  — wanted exec -it');
  });

  it('has no sections when nothing is on record', async () => {
    expect(reportSections(translator(createI18n(), 'ko'), await gapsReport(logOf([]), 5))).toEqual([]);
  });
});
