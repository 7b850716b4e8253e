import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAsker } from '../../bot/knowledge/asker.js';
import { createFeedback } from '../../bot/knowledge/feedback.js';
import { jsonlGapLog, type GapLog } from '../../bot/knowledge/gaps.js';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import { realKnowledge } from '../support/knowledge.js';

const clock = { now: () => new Date('2026-11-22T10:00:00Z') };
let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await realKnowledge();
});

const freshLog = async (): Promise<GapLog> => jsonlGapLog(join(await mkdtemp(join(tmpdir(), 'gorae-votes-')), 'gaps.jsonl'));

describe('votes on answers', () => {
  it('record the question, topic, score and language the vote rates, with what the voter says', async () => {
    const gaps = await freshLog();
    const ask = createAsker({ knowledge, gaps, clock, onGapError: (error) => { throw error; } });
    const outcome = await ask('docker save 어떻게 써요?', { via: 'test', ref: 'q1' });
    if (outcome.status !== 'answer') throw new Error('expected an answer');
    const feedback = createFeedback({ gaps, clock });
    const voted = await feedback.vote({ answer: 'a1', voter: 'u1', vote: 'down', topic: outcome.topic, lang: 'ko', ref: 'q1', text: '  압축하는 법  ', via: 'test' });
    expect(voted.ok).toBe(true);
    const [record] = await gaps.recent(1);
    expect(record).toMatchObject({ question: 'docker save 어떻게 써요?', topic: 'save-load', score: outcome.score, lang: 'ko', vote: 'down', text: '압축하는 법', answer: 'a1', voter: 'u1' });
  });

  it('allow one vote per person per answer, even when two arrive at once', async () => {
    const gaps = await freshLog();
    const feedback = createFeedback({ gaps, clock });
    const topic = knowledge.topic('save-load')!;
    const vote = (voter: string, answer = 'a1') => feedback.vote({ answer, voter, vote: 'down', topic, lang: 'en', ref: undefined, via: 'test' });
    const [first, second] = await Promise.all([vote('u1'), vote('u1')]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect((await vote('u2')).ok).toBe(true);
    expect((await vote('u1', 'a2')).ok).toBe(true);
    const refused = await vote('u1');
    expect(refused).toEqual({ ok: false, error: { id: 'knowledge.vote.twice' } });
    expect(await gaps.recent(10)).toHaveLength(3);
    expect(await feedback.hasVoted('a1', 'u2')).toBe(true);
    expect(await feedback.hasVoted('a1', 'u3')).toBe(false);
  });

  it('rate a topic the person opened themselves under its title, with no search score', async () => {
    const gaps = await freshLog();
    const topic = knowledge.topic('save-load')!;
    await createFeedback({ gaps, clock }).vote({ answer: 'a1', voter: 'u1', vote: 'up', topic, lang: 'ko', ref: 'opened-by-button', via: 'test' });
    expect((await gaps.recent(1))[0]).toMatchObject({ question: topic.ko.title, score: 0, vote: 'up', topic: 'save-load' });
  });
});
