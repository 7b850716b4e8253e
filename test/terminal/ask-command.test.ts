import { describe, expect, it } from 'vitest';
import { runAskCommand } from '../../bot/terminal/ask-command.js';
import { terminalHarness } from '../support/terminal.js';

describe('gorae ask', () => {
  it('prints the answer with its title, examples and related topics', async () => {
    const h = await terminalHarness();
    expect(await runAskCommand(['run vs start?'], h.deps)).toBe(0);
    expect(h.out()).toMatch(/run/i);
    expect(h.out()).toContain('Examples');
    expect(h.out()).toContain('$ docker ');
    expect(h.out()).toContain('Related: ');
  });

  it('answers a Korean question in Korean, with Korean headings', async () => {
    const h = await terminalHarness();
    await runAskCommand(['stop이랑 kill 차이가 뭐야?'], h.deps);
    expect(h.out()).toContain('예시 명령어');
    expect(h.out()).toMatch(/SIGKILL/);
  });

  it('answers a pasted English error message in the terminal language, as the chat does', async () => {
    const h = await terminalHarness({ uiLang: 'ko' });
    await runAskCommand(['--json', 'Error response from daemon: pull access denied for acme/api, repository does not exist or may require \'docker login\''], h.deps);
    expect(JSON.parse(h.out())).toMatchObject({ status: 'answer', lang: 'ko', topic: 'err-pull-access-denied' });
  });

  it('prints one JSON object with the documented fields', async () => {
    const h = await terminalHarness();
    await runAskCommand(['--json', '--lang', 'ko', 'run vs start'], h.deps);
    const json = JSON.parse(h.out());
    expect(Object.keys(json).sort()).toEqual(['lang', 'score', 'status', 'suggestions', 'text', 'title', 'topic'].sort());
    expect(json).toMatchObject({ status: 'answer', lang: 'ko', topic: 'run-vs-start-vs-create', suggestions: [] });
    expect(json.text.length).toBeGreaterThan(300);
  });

  it('says honestly when it does not know, and records the gap', async () => {
    const h = await terminalHarness();
    await runAskCommand(['--json', 'git rebase vs merge'], h.deps);
    expect(JSON.parse(h.out()).status).not.toBe('answer');
    expect(h.gaps).toHaveLength(1);
    expect(h.gaps[0]).toMatchObject({ question: 'git rebase vs merge', via: 'terminal' });
  });

  it('reads one question per line from a pipe and prints one JSON line each', async () => {
    const h = await terminalHarness({ input: ['run vs start', '', '이미지랑 컨테이너 차이', "what's the weather"] });
    await runAskCommand(['--json'], h.deps);
    const lines = h.out().trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.status)).toEqual(['answer', 'answer', expect.not.stringMatching(/^answer$/)]);
    expect(lines[1].lang).toBe('ko');
  });

  it('refuses an empty question with exit 2 and says what to type, instead of waiting for a pipe', async () => {
    const h = await terminalHarness({ input: ['run vs start'] });
    expect(await runAskCommand(['   '], h.deps)).toBe(2);
    expect(h.out()).toBe('');
    expect(h.err()).toContain('gorae ask');
  });

  it('refuses an unknown --lang with a message that says what to do', async () => {
    const h = await terminalHarness();
    expect(await runAskCommand(['--lang', 'fr', 'hello'], h.deps)).toBe(2);
    expect(h.err()).toContain('--lang');
    expect(h.err()).toContain('gorae --help');
  });

  it('takes every word but its own options (--lang, --json, --help, -h, --) as the question, also one that starts with "-"', async () => {
    const h = await terminalHarness();
    expect(await runAskCommand(['--lang', 'ko', '-it 옵션 뜻'], h.deps)).toBe(0);
    expect(await runAskCommand(['-it 옵션 뜻', '--json'], h.deps)).toBe(0);
    expect(await runAskCommand(['--', '--help', '옵션은 뭐야?'], h.deps)).toBe(0);
    expect(h.err()).toBe('');
    expect(h.gaps.map((gap) => [gap.question, gap.lang])).toEqual([
      ['-it 옵션 뜻', 'ko'],
      ['-it 옵션 뜻', 'ko'],
      ['--help 옵션은 뭐야?', 'ko'],
    ]);
    expect(h.out()).toContain(h.deps.knowledge.topic(h.gaps[0]!.topic!)!.ko.title);
  });

  it('still refuses a bad value of its own options without answering anything', async () => {
    const h = await terminalHarness();
    expect(await runAskCommand(['--json=yes', 'run vs start'], h.deps)).toBe(2);
    expect(await runAskCommand(['run vs start', '--lang'], h.deps)).toBe(2);
    expect(h.out()).toBe('');
    expect(h.err()).toContain('--json');
    expect(h.err()).toContain('--lang needs a value');
  });
});
