import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fileAuditLog } from '../../bot/audit.js';
import { systemClock } from '../../bot/core/clock.js';
import { ok } from '../../bot/core/result.js';
import { createExchange } from '../../bot/lab/exchange.js';
import { runChat } from '../../bot/terminal/chat.js';
import { labLines } from '../../bot/terminal/lab-lines.js';
import { enginesFor } from '../support/engines.js';
import { terminalHarness } from '../support/terminal.js';

const dockerHost = inject('dockerHost');

/** What the chat's lab needs, in English, with its exchange folder and audit log in `base` and the engine at `engine`. */
const labDeps = (h: Awaited<ReturnType<typeof terminalHarness>>, base: string, engine: string) => ({
  i18n: h.deps.i18n,
  uiLang: 'en' as const,
  lab: { engines: enginesFor(engine), exchange: createExchange(join(base, 'exchange')), clock: systemClock },
  audit: fileAuditLog(join(base, 'audit.jsonl')),
  who: 'tester@lab',
  stdin: h.deps.stdin,
  stdout: h.deps.stdout,
  stderr: h.deps.stdout,
});

describe('lab lines in the terminal chat', () => {
  it('runs whitelisted docker lines, refuses the rest, and still answers questions', async () => {
    const h = await terminalHarness({ input: ['docker ps -a', 'docker rm -f web', 'docker rm이 뭐야?'] });
    const base = await mkdtemp(join(tmpdir(), 'gorae-chat-lab-'));
    let built = 0;
    const handler = labLines(async () => {
      built++;
      return ok({ ...labDeps(h, base, dockerHost), uiLang: h.deps.uiLang });
    }, h.deps.stdout);
    try {
      await runChat(h.deps, handler);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
    expect(h.out()).toMatch(/CONTAINER ID\s+IMAGE\s+COMMAND\s+CREATED\s+STATUS\s+PORTS\s+NAMES/);
    expect(h.out()).toMatch(/ps.*images.*save.*load/s);
    expect(h.out()).toContain('예시 명령어');
    expect(built).toBe(1);
  });

  it('reports a listing that could not run in the language the chat is held in, then says what the command does', async () => {
    const h = await terminalHarness({ input: ['docker ps'] });
    const base = await mkdtemp(join(tmpdir(), 'gorae-chat-lab-'));
    const handler = labLines(async () => ok(labDeps(h, base, `unix://${join(base, 'no-engine.sock')}`)), h.deps.stdout);
    try {
      await runChat(h.deps, handler, 'ko');
    } finally {
      await rm(base, { recursive: true, force: true });
    }
    expect(h.out()).toContain('Docker 엔진');
    expect(h.out()).not.toContain("can't reach");
    expect(h.out(), 'and then what docker ps does, as a question').toContain(h.deps.knowledge.topic('ps')!.ko.title);
  });

  it('audits a shell line naming one of the four actions as refused, and not a line naming another command', async () => {
    const h = await terminalHarness({ input: ['ps -a | grep web', 'docker rm -f web', 'docker ps; rm -rf /'] });
    const base = await mkdtemp(join(tmpdir(), 'gorae-chat-lab-'));
    const handler = labLines(async () => ok(labDeps(h, base, dockerHost)), h.deps.stdout);
    try {
      await runChat(h.deps, handler);
      const records = (await readFile(join(base, 'audit.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
      expect(records.map((record) => [record.action, record.outcome, record.reason, record.arguments.input])).toEqual([
        ['ps', 'refused', 'lab.parse.unsafe', 'ps -a | grep web'],
        ['ps', 'refused', 'lab.parse.unsafe', 'docker ps; rm -rf /'],
      ]);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
    expect(h.out()).toContain("Gorae runs lab lines without a shell, so it doesn't run one with |");
  });

  it('builds nothing for a chat that asks only questions', async () => {
    const h = await terminalHarness({ input: ['run vs start'] });
    let built = 0;
    await runChat(h.deps, labLines(async () => (built++, ok(undefined as never)), h.deps.stdout));
    expect(built).toBe(0);
  });
});
