import { describe, expect, it } from 'vitest';
import { runAskCommand } from '../../bot/terminal/ask-command.js';
import { runChat } from '../../bot/terminal/chat.js';
import { runExplainCommand } from '../../bot/terminal/explain-command.js';
import { terminalHarness } from '../support/terminal.js';

describe('gorae explain', () => {
  it('prints every part of a quoted command, the image split, what happens and the topics', async () => {
    const h = await terminalHarness();
    expect(await runExplainCommand(['docker run -d -p 8080:80 --name web nginx'], h.deps)).toBe(0);
    const out = h.out();
    expect(out).toContain('docker run -d -p 8080:80 --name web nginx');
    expect(out).toMatch(/-p 8080:80 +Publishes the container's port 80\/tcp on port 8080 of every interface/);
    expect(out).toMatch(/registry +docker\.io/);
    expect(out).toMatch(/repository +library\/nginx/);
    expect(out).toMatch(/tag +\(none: Docker uses latest\)/);
    expect(out).toContain('What happens when you run it');
    expect(out).toContain('Topics: ');
    expect(out).toContain('(port-publishing)');
  });

  it('wraps a long part under its column on a narrow terminal, without losing its first words', async () => {
    const h = await terminalHarness({ columns: 80 });
    await runExplainCommand(['docker run -d -p 8080:80 --name web nginx'], h.deps);
    expect(h.out()).toMatch(/-p 8080:80 +Publishes the container's port 80\/tcp on port 8080/);
    for (const line of h.out().split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('takes the command unquoted, its own options left to it', async () => {
    const h = await terminalHarness();
    expect(await runExplainCommand(['--lang', 'ko', 'docker', 'run', '--rm', '-it', 'alpine', 'sh'], h.deps)).toBe(0);
    expect(h.out()).toContain('실행하면 일어나는 일');
    expect(h.out()).toMatch(/\n  -i +컨테이너의 표준 입력/);
    expect(h.err()).toBe('');
  });

  it("takes Gorae's options after a quoted command, and leaves them to an unquoted one", async () => {
    const quoted = await terminalHarness();
    expect(await runExplainCommand(['docker run -d nginx', '--lang', 'ko'], quoted.deps)).toBe(0);
    expect(quoted.out()).toContain('실행하면 일어나는 일');
    expect(quoted.out()).not.toContain('--lang');
    const unquoted = await terminalHarness();
    await runExplainCommand(['docker', 'run', '-d', 'nginx', '--lang', 'ko'], unquoted.deps);
    expect(unquoted.out()).toMatch(/\n  --lang +/);
  });

  it('prints exactly the documented JSON object', async () => {
    const h = await terminalHarness();
    await runExplainCommand(['--json', 'sudo docker run --privileged -v /:/host ubuntu:22.04 bash -l -i'], h.deps);
    const json = JSON.parse(h.out());
    expect(Object.keys(json)).toEqual(['status', 'lang', 'subcommand', 'image', 'parts', 'warnings', 'topics']);
    expect(json).toMatchObject({
      status: 'explained',
      lang: 'en',
      subcommand: 'run',
      image: { reference: 'ubuntu:22.04', registry: 'docker.io', repository: 'library/ubuntu', tag: '22.04', digest: null },
    });
    expect(json.parts[1]).toEqual({ token: '--privileged', role: 'option', known: true, text: expect.any(String) });
    expect(json.parts.map((part: { role: string }) => part.role)).toEqual(['subcommand', 'option', 'option', 'value', 'image', 'argument', 'argument', 'argument']);
    expect(json.warnings.map((warning: { token: string }) => warning.token)).toEqual(['--privileged', '-v']);
    // The program's arguments, one row on screen, stay a part each, with nothing but these four.
    for (const part of json.parts) expect(Object.keys(part)).toEqual(['token', 'role', 'known', 'text']);
  });

  it('answers not-a-command, exit code 1, for text without one', async () => {
    const h = await terminalHarness();
    expect(await runExplainCommand(['--json', 'hello there'], h.deps)).toBe(1);
    expect(JSON.parse(h.out())).toEqual({ status: 'not-a-command', lang: 'en', subcommand: null, image: null, parts: [], warnings: [], topics: [] });
  });

  it('asks for a command when given nothing', async () => {
    const h = await terminalHarness();
    expect(await runExplainCommand(['--json'], h.deps)).toBe(2);
    expect(h.err()).toContain('gorae explain "docker run');
  });
});

describe('a question holding a docker command', () => {
  it('is explained by gorae ask, in the question\'s language', async () => {
    const h = await terminalHarness();
    await runAskCommand(['--json', 'docker run -d -p 8080:80 nginx 이게 무슨 뜻이야?'], h.deps);
    expect(JSON.parse(h.out())).toMatchObject({ status: 'explained', lang: 'ko', subcommand: 'run' });
  });

  it('is explained in the chat, while a question about a subcommand still gets its topic', async () => {
    const h = await terminalHarness({ input: ['what does docker run --rm -it alpine sh do?', 'docker run vs docker start'] });
    await runChat(h.deps);
    expect(h.out()).toMatch(/--rm +Removes the container/);
    expect(h.out()).toContain('run vs start vs create');
  });
});
