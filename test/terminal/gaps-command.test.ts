import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, translator } from '../../bot/i18n.js';
import { createFeedback } from '../../bot/knowledge/feedback.js';
import { jsonlGapLog } from '../../bot/knowledge/gaps.js';
import { createAsker } from '../../bot/knowledge/asker.js';
import { runGapsCommand } from '../../bot/terminal/gaps-command.js';
import { realKnowledge } from '../support/knowledge.js';
import { capturedStreams } from '../support/terminal.js';

async function run(argv: string[], seed: (log: ReturnType<typeof jsonlGapLog>) => Promise<void> = async () => undefined) {
  const gaps = jsonlGapLog(join(await mkdtemp(join(tmpdir(), 'gorae-gaps-cmd-')), 'gaps.jsonl'));
  await seed(gaps);
  const { stdout, stderr, out, err } = capturedStreams();
  const code = await runGapsCommand(argv, { gaps, t: translator(createI18n(), 'en'), stdout, stderr });
  return { code, out: out(), err: err() };
}

describe('gorae gaps', () => {
  it('shows the worst-rated topics, the 👎 answers with what was missing, and the unanswered questions', async () => {
    const knowledge = await realKnowledge();
    const clock = { now: () => new Date('2026-11-22T10:00:00Z') };
    const { code, out } = await run([], async (gaps) => {
      const ask = createAsker({ knowledge, gaps, clock, onGapError: (error) => { throw error; } });
      await ask('docker save', { via: 'test', ref: 'q1' });
      await ask('how do I brew kombucha', { via: 'test' });
      const topic = knowledge.topic('save-load')!;
      await createFeedback({ gaps, clock }).vote({ answer: 'a1', voter: 'u1', vote: 'down', topic, lang: 'en', ref: 'q1', text: 'compression', via: 'test' });
    });
    expect(code).toBe(0);
    expect(out).toContain("The worst-rated topic (👍 and 👎 from people's votes):\n  save-load  👍 0  👎 1\n");
    expect(out).toContain('  2026-11-22 10:00  en  save-load  docker save  — compression\n');
    expect(out).toContain('  2026-11-22 10:00  en  unknown  how do I brew kombucha\n');
  });

  it('says so when nothing is on record', async () => {
    expect((await run([])).out).toBe('No unanswered questions or 👎 votes on record yet.\n');
  });

  it('takes a count from 1 to 100 and refuses anything else, changing nothing', async () => {
    expect((await run(['3'])).code).toBe(0);
    const refused = await run(['many']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('gorae gaps takes one number from 1 to 100');
    expect((await run(['0'])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
  });
});
