import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonlGapLog, type Gap } from '../../bot/knowledge/gaps.js';

const gap = (question: string): Gap => ({ time: '2026-11-22T10:00:00.000Z', question, lang: 'en', status: 'unknown', topic: null, suggestions: [], score: 0, via: 'test' });

describe('the gap log file', () => {
  it('appends one JSON line per gap, creating its folder, and lists the newest first', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gorae-gaps-')), 'nested', 'gaps.jsonl');
    const log = jsonlGapLog(path);
    for (const q of ['a', 'b', 'c']) await log.record(gap(q));
    expect((await log.recent(2)).map((g) => g.question)).toEqual(['c', 'b']);
  });

  it('skips a torn or foreign line instead of failing to read', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gorae-gaps-')), 'gaps.jsonl');
    const log = jsonlGapLog(path);
    await log.record(gap('kept'));
    await appendFile(path, '{"question": "half\n{"nonsense": true}\n');
    expect((await log.recent(10)).map((g) => g.question)).toEqual(['kept']);
  });

  it('lists only the records a filter keeps, still newest first', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gorae-gaps-')), 'gaps.jsonl');
    const log = jsonlGapLog(path);
    await log.record(gap('unknown one'));
    await log.record({ ...gap('answered'), status: 'answer', topic: 'exec', score: 12.5 });
    await log.record(gap('unknown two'));
    expect((await log.recent(10, (g) => g.status !== 'answer')).map((g) => g.question)).toEqual(['unknown two', 'unknown one']);
    expect((await log.recent(1))[0]).toMatchObject({ question: 'unknown two' });
  });

  it('reads a line written before answers were recorded, without a topic', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gorae-gaps-')), 'gaps.jsonl');
    const { topic: _topic, ...old } = gap('old line');
    await appendFile(path, `${JSON.stringify(old)}\n`);
    expect(await jsonlGapLog(path).recent(5)).toEqual([gap('old line')]);
  });

  it('reads an absent file as no gaps yet', async () => {
    expect(await jsonlGapLog(join(tmpdir(), 'gorae-no-such-gaps.jsonl')).recent(5)).toEqual([]);
  });
});
