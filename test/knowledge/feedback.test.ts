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

describe('suggestions people open', () => {
  /** A question asked under `ref` that Gorae met with "did you mean". */
  const suggested = async (gaps: GapLog, question: string, ref: string) => {
    const ask = createAsker({ knowledge, gaps, clock, onGapError: (error) => { throw error; } });
    const outcome = await ask(question, { via: 'test', ref });
    if (outcome.status !== 'suggest') throw new Error(`expected suggestions for ${question}, got ${outcome.status}`);
    return outcome.suggestions;
  };

  it('are recorded with the question they answer, once per person and topic', async () => {
    const gaps = await freshLog();
    const [first, second] = await suggested(gaps, '압축도 돼?', 'q1');
    const feedback = createFeedback({ gaps, clock });
    const open = (topic = first!, person = 'u1') => feedback.picked({ ref: 'q1', opened: `o-${person}`, topic, person, via: 'test' });
    expect(await open()).toMatchObject({ question: '압축도 돼?', topic: first!.id, pickedBy: 'u1', ref: 'q1', opened: 'o-u1', status: 'suggest' });
    expect(await open(), 'the same person opening it again').toBeUndefined();
    expect(await open(first, 'u2')).toMatchObject({ pickedBy: 'u2' });
    if (second) expect(await open(second)).toMatchObject({ topic: second.id, pickedBy: 'u1' });
    expect((await gaps.recent(10)).filter((gap) => gap.pickedBy)).toHaveLength(second ? 3 : 2);
  });

  it('are not recorded for a topic the question was not offered, nor for a question never recorded', async () => {
    const gaps = await freshLog();
    const offered = await suggested(gaps, '압축도 돼?', 'q1');
    const feedback = createFeedback({ gaps, clock });
    const other = knowledge.topics.find((topic) => !offered.some((offer) => offer.id === topic.id))!;
    expect(await feedback.picked({ ref: 'q1', opened: 'o1', topic: other, person: 'u1', via: 'test' })).toBeUndefined();
    expect(await feedback.picked({ ref: 'q9', opened: 'o1', topic: offered[0]!, person: 'u1', via: 'test' })).toBeUndefined();
    expect(await feedback.picked({ ref: undefined, opened: 'o1', topic: offered[0]!, person: 'u1', via: 'test' })).toBeUndefined();
    expect(await gaps.recent(10)).toHaveLength(1);
  });

  it('let a vote on the opened topic rate the question, whether it opened apart or in place of the list', async () => {
    const gaps = await freshLog();
    const [offered] = await suggested(gaps, '압축도 돼?', 'q1');
    const feedback = createFeedback({ gaps, clock });
    await feedback.picked({ ref: 'q1', opened: 'o1', topic: offered!, person: 'u1', via: 'test' });
    const apart = await feedback.vote({ answer: 'm1', voter: 'u1', vote: 'up', topic: offered!, lang: 'ko', ref: 'o1', via: 'test' });
    const inPlace = await feedback.vote({ answer: 'm2', voter: 'u2', vote: 'up', topic: offered!, lang: 'ko', ref: 'q1', via: 'test' });
    for (const voted of [apart, inPlace]) expect(voted).toMatchObject({ ok: true, value: { question: '압축도 돼?', topic: offered!.id, vote: 'up' } });
    expect(apart.ok && apart.value.score).toBeGreaterThan(0);
  });
});
