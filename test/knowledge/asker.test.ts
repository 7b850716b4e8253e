import { describe, expect, it } from 'vitest';
import { createAsker } from '../../bot/knowledge/asker.js';
import type { Gap, GapLog } from '../../bot/knowledge/gaps.js';
import { realKnowledge } from '../support/knowledge.js';

const clock = { now: () => new Date('2026-11-22T10:00:00Z') };

describe('asking through the gap log', () => {
  it('records every question, an answered one with its topic and score so a wrong answer can be found later', async () => {
    const gaps: Gap[] = [];
    const log: GapLog = { record: async (gap) => void gaps.push(gap), recent: async () => gaps };
    const ask = createAsker({ knowledge: await realKnowledge(), gaps: log, clock, onGapError: (error) => { throw error; } });
    await ask('run vs start', { via: 'test' });
    await ask('파이썬 리스트 정렬', { via: 'test' });
    expect(gaps).toEqual([
      { time: '2026-11-22T10:00:00.000Z', question: 'run vs start', lang: 'en', status: 'answer', topic: 'run-vs-start-vs-create', suggestions: [], score: expect.any(Number), via: 'test' },
      { time: '2026-11-22T10:00:00.000Z', question: '파이썬 리스트 정렬', lang: 'ko', status: 'unknown', topic: null, suggestions: [], score: expect.any(Number), via: 'test' },
    ]);
    expect(gaps[0]!.score).toBeGreaterThan(0);
  });

  it('reads a question after an answer as a possible follow-up, and records its ref and the topic before', async () => {
    const gaps: Gap[] = [];
    const log: GapLog = { record: async (gap) => void gaps.push(gap), recent: async () => gaps };
    const ask = createAsker({ knowledge: await realKnowledge(), gaps: log, clock, onGapError: (error) => { throw error; } });
    const outcome = await ask('and the reverse?', { via: 'test', ref: 'm1', after: 'save-load' });
    expect(outcome).toMatchObject({ status: 'answer', topic: { id: 'save-load' } });
    expect(gaps[0]).toMatchObject({ question: 'and the reverse?', topic: 'save-load', ref: 'm1', after: 'save-load' });
    expect((await ask('and the reverse?', { via: 'test' })).status, 'asked afresh, it means nothing').toBe('unknown');
  });

  it('asks a question anew without the topics the asker just turned down, and records them beside it', async () => {
    const gaps: Gap[] = [];
    const log: GapLog = { record: async (gap) => void gaps.push(gap), recent: async () => gaps };
    const ask = createAsker({ knowledge: await realKnowledge(), gaps: log, clock, onGapError: (error) => { throw error; } });
    expect(await ask('run vs start', { via: 'test' })).toMatchObject({ status: 'answer', topic: { id: 'run-vs-start-vs-create' } });
    const again = await ask('run vs start', { via: 'test', ref: 'm2', excluding: ['run-vs-start-vs-create'] });
    expect(again.status === 'answer' ? again.topic.id : '').not.toBe('run-vs-start-vs-create');
    expect(again.status === 'suggest' ? again.suggestions.map((topic) => topic.id) : []).not.toContain('run-vs-start-vs-create');
    expect(gaps[1]).toMatchObject({ question: 'run vs start', ref: 'm2', turnedDown: ['run-vs-start-vs-create'] });
    expect(gaps[0], 'nothing turned down, nothing recorded').not.toHaveProperty('turnedDown');
    await ask('and the reverse?', { via: 'test', after: 'save-load', excluding: ['save-load'] });
    expect(gaps[2], 'turning a topic down is no follow-up to it').not.toHaveProperty('after');
  });

  it('still answers when the gap log cannot be written, and reports why', async () => {
    const errors: unknown[] = [];
    const broken: GapLog = { record: async () => Promise.reject(new Error('EROFS')), recent: async () => [] };
    const ask = createAsker({ knowledge: await realKnowledge(), gaps: broken, clock, onGapError: (error) => errors.push(error) });
    const outcome = await ask("what's the weather", { via: 'test' });
    expect(outcome.status).not.toBe('answer');
    expect(errors).toHaveLength(1);
  });
});
