import { describe, expect, it } from 'vitest';
import { runChat } from '../../bot/terminal/chat.js';
import { terminalHarness } from '../support/terminal.js';

describe('the terminal chat', () => {
  it('greets, answers questions and says goodbye at the end of input', async () => {
    const h = await terminalHarness({ input: ['run vs start?'] });
    expect(await runChat(h.deps)).toBe(0);
    expect(h.out()).toContain('Gorae');
    expect(h.out()).toContain('$ docker ');
    expect(h.out().trim().endsWith('Bye! 🐳')).toBe(true);
  });

  it('lists every topic with /topics', async () => {
    const h = await terminalHarness({ input: ['/topics'] });
    await runChat(h.deps);
    const topics = h.deps.knowledge.topics;
    expect(h.out()).toContain(`${topics.length} topics`);
    for (const topic of topics) expect(h.out()).toContain(topic.id);
  });

  it('speaks Korean when the system locale is Korean', async () => {
    const h = await terminalHarness({ uiLang: 'ko', input: ['/help'] });
    await runChat(h.deps);
    expect(h.out()).toContain('고래예요');
    expect(h.out()).toContain('/topics');
  });

  it('switches the answer language with /lang and shows one topic with /topic', async () => {
    const h = await terminalHarness({ input: ['/lang ko', '/topic save-load', '/nope'] });
    await runChat(h.deps);
    expect(h.out()).toContain('Answers will now be in Korean.');
    expect(h.out()).toContain('예시 명령어');
    expect(h.out()).toContain("I don't know the command /nope");
  });

  it('reads the next line as a follow-up to the topic just answered', async () => {
    const h = await terminalHarness({ input: ['docker save', 'and the reverse?', '압축도 돼?', 'and the reverse?'] });
    await runChat(h.deps);
    expect(h.gaps.map((gap) => [gap.question, gap.topic, gap.after])).toEqual([
      ['docker save', 'save-load', undefined],
      ['and the reverse?', 'save-load', 'save-load'],
      ['압축도 돼?', 'tarballs-gzip', 'save-load'],
      ['and the reverse?', 'tarballs-gzip', 'tarballs-gzip'],
    ]);
  });

  it('stops at /quit without reading further lines', async () => {
    const h = await terminalHarness({ input: ['/quit', 'run vs start'] });
    await runChat(h.deps);
    expect(h.out()).not.toContain('$ docker ');
    expect(h.gaps).toHaveLength(0);
  });

  it('hands lines to the extra handler before treating them as questions', async () => {
    const h = await terminalHarness({ input: ['docker ps -a'] });
    const seen: string[] = [];
    await runChat(h.deps, async (line) => (seen.push(line), true));
    expect(seen).toEqual(['docker ps -a']);
  });
});
