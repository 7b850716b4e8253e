import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../bot/core/clock.js';
import type { Lang } from '../../bot/core/lang.js';
import { fileAuditLog } from '../../bot/audit.js';
import { createI18n } from '../../bot/i18n.js';
import { createExchange } from '../../bot/lab/exchange.js';
import { runLabCommand } from '../../bot/terminal/lab-command.js';
import type { Engine } from '../../bot/lab/engine.js';
import { DEFAULT_HOST } from '../../bot/lab/hosts.js';
import { engineActingDuringLoad, enginesFor } from '../support/engines.js';
import { importBusybox, removeLabelled, testLabel } from '../support/lab-images.js';
import { dockerAt } from '../support/docker-cli.js';
import { importRandomImage } from '../support/random-image.js';

const dockerHost = inject('dockerHost');
const LABEL = testLabel('cli');
const REPOSITORY = `gorae-${LABEL.labelValue}/small`;
const SMALL = `${REPOSITORY}:1`;
const BIG = `gorae-${LABEL.labelValue}/big:1`;

describe('gorae lab in the terminal', () => {
  let base: string;
  const i18n = createI18n();

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'gorae-lab-cli-'));
    await importBusybox(dockerHost, SMALL, LABEL.labels);
    await importRandomImage(dockerHost, BIG, 24, LABEL.labels);
  });
  afterAll(async () => {
    await removeLabelled(dockerHost, LABEL.label);
    await rm(base, { recursive: true, force: true });
  });

  /** Runs one `gorae lab ...` with typed input lines; stderr can pose as a terminal. */
  async function gorae(
    argv: string[],
    options: { input?: string; lang?: Lang; tty?: boolean; folder?: string; engines?: Map<string, Engine> } = {},
  ) {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    stdin.end(options.input ?? '');
    const code = await runLabCommand(argv, {
      i18n,
      uiLang: options.lang ?? 'en',
      lab: { engines: options.engines ?? enginesFor(dockerHost), exchange: createExchange(join(base, options.folder ?? 'exchange')), clock: systemClock },
      audit: fileAuditLog(join(base, 'audit.jsonl')),
      who: 'tester@lab',
      stdin,
      stdout,
      stderr,
    });
    return { code, out, err };
  }

  it('prints the images table as docker images does, or JSON lines with --json', async () => {
    const table = await gorae(['images']);
    expect(table.code).toBe(0);
    const { stdout } = await dockerAt(dockerHost, ['images', SMALL]);
    // Cells apart from CREATED, which moves on with the clock between the two listings.
    const cells = (line: string) => line.split(/\s{2,}/).filter((_, column) => column !== 3);
    const ourRow = table.out.split('\n').find((line) => line.startsWith(`${REPOSITORY} `))!;
    expect(table.out.split('\n')[0]).toMatch(/^REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE$/);
    expect(cells(ourRow)).toEqual(cells(stdout.split('\n')[1]!));

    const json = await gorae(['images', '--json']);
    const rows = json.out.trim().split('\n').map((line) => JSON.parse(line) as { repository: string; tag: string; id: string; size: number; created: string });
    expect(rows).toContainEqual(expect.objectContaining({ repository: REPOSITORY, tag: '1', id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/u), size: expect.any(Number) }));
    expect(rows.every((row) => !Number.isNaN(Date.parse(row.created)))).toBe(true);
  });

  it('saves with a summary, then loads after a yes typed at the prompt', async () => {
    const saved = await gorae(['save', SMALL, '--file', 'cli.tar']);
    expect(saved.code).toBe(0);
    expect(saved.out).toMatch(/^Saved cli\.tar \(\d[\d.]*MB\) in \d+\.\d{1,2}s, [\d.]+[kMG]?B\/s\.$/m);
    expect(saved.out).toContain('sha256sum -c cli.tar.sha256');
    expect(saved.out).toContain(`\n  Folder:  ${join(base, 'exchange')}\n`);
    expect(saved.err).toBe('');

    await dockerAt(dockerHost, ['rmi', SMALL]);
    const loaded = await gorae(['load', 'cli.tar'], { input: 'y\n' });
    expect(loaded.code).toBe(0);
    expect(loaded.out).toContain('cli.tar (');
    expect(loaded.out).toContain('holds 1 image:');
    expect(loaded.out).toContain(`  ${SMALL}   `);
    expect(loaded.out).toContain("Checksum: cli.tar.sha256 is matched while the archive streams in; if it doesn't match, the load stops");
    expect(loaded.out).toContain('Load it into the host "default"? [y/N] ');
    expect(loaded.out).toMatch(new RegExp(`Loaded into default in \\d+\\.\\d{1,2}s, .*: ${SMALL}`));
    expect((await dockerAt(dockerHost, ['image', 'inspect', SMALL])).stdout).toContain(SMALL);
  });

  it('loads nothing when the answer is no, or when nobody answers', async () => {
    await gorae(['save', SMALL, '--file', 'no.tar']);
    const before = (await readFile(join(base, 'audit.jsonl'), 'utf8')).trim().split('\n').length;
    for (const input of ['n\n', '']) {
      const declined = await gorae(['load', 'no.tar'], { input });
      expect(declined.code).toBe(1);
      expect(declined.err).toBe('OK, nothing was loaded from no.tar.\n');
    }
    // The README lists a declined load as cancelled, not failed.
    const outcomes = (await readFile(join(base, 'audit.jsonl'), 'utf8')).trim().split('\n').slice(before).map((line) => JSON.parse(line)).filter((line) => line.phase === 'outcome');
    expect(outcomes.map((line) => [line.action, line.outcome, line.reason])).toEqual([
      ['load', 'cancelled', 'lab.load.declined'],
      ['load', 'cancelled', 'lab.load.declined'],
    ]);
  });

  it('exits 2 for --gzip with a .tar name, like every other argument error, and writes nothing', async () => {
    const refused = await gorae(['save', SMALL, '--gzip', '--file', 'hw.tar']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--gzip writes a gzip archive');
    await expect(readFile(join(base, 'exchange', 'hw.tar'))).rejects.toThrow();
  });

  it('shows what a --yes load contained, without asking', async () => {
    await gorae(['save', SMALL, '--file', 'yes.tar']);
    const loaded = await gorae(['load', 'yes.tar', '--yes']);
    expect(loaded.code).toBe(0);
    expect(loaded.out).not.toContain('[y/N]');
    expect(loaded.out).toContain('holds 1 image:');
    expect(loaded.out).toContain('Loaded into default');
  });

  it('draws a progress bar on a terminal and nothing on a pipe', async () => {
    const onTerminal = await gorae(['save', BIG, '--file', 'bar.tar'], { tty: true });
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.err).toMatch(/^\rSaving {2}\[[█░]{24}\] +\d+% {2}\S+ \/ \S+\u001b\[K/);
    expect(onTerminal.err.endsWith('\r\u001b[K')).toBe(true);
    const onPipe = await gorae(['save', BIG, '--file', 'quiet.tar']);
    expect(onPipe.err).toBe('');
  });

  it('speaks Korean when asked to, refusals included', async () => {
    const refused = await gorae(['load', '../x.tar'], { lang: 'ko' });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('파일 이름 대신 경로를 적으셨어요');
    const existing = await gorae(['save', SMALL, '--file', 'ko.tar'], { lang: 'ko' });
    expect(existing.out).toContain('ko.tar 파일로 저장했어요');
    const again = await gorae(['save', SMALL, '--file', 'ko.tar'], { lang: 'ko' });
    expect(again.code).toBe(1);
    expect(again.err).toContain('ko.tar 파일이 이미 있어요. 덮어쓰려면 --force를 붙이고');
  });

  it('says in either language when the tags after a load are not the ones shown, and audits which', async () => {
    const moved = `${REPOSITORY}:moved`;
    await gorae(['save', SMALL, '--file', 'moved.tar']);
    for (const lang of ['en', 'ko'] as const) {
      await dockerAt(dockerHost, ['rmi', SMALL]);
      const real = enginesFor(dockerHost).get(DEFAULT_HOST)!;
      // Another client takes the loaded image's tag away while Gorae's load finishes.
      const acting = engineActingDuringLoad(real, async () => {
        await dockerAt(dockerHost, ['tag', SMALL, moved]);
        await dockerAt(dockerHost, ['rmi', SMALL]);
      });
      const loaded = await gorae(['load', 'moved.tar', '--yes'], { lang, engines: new Map([[DEFAULT_HOST, acting]]) });
      expect(loaded.code).toBe(1);
      expect(loaded.err).toContain(lang === 'en' ? "but the engine's tags are not the ones you confirmed" : '엔진의 태그가 확인하신 것과 달라요');
      expect(loaded.err).toMatch(new RegExp(`${SMALL} [0-9a-f]{12} → —`));
      const audited = (await readFile(join(base, 'audit.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line)).at(-1);
      expect(audited).toMatchObject({ action: 'load', outcome: 'failed', reason: 'lab.load.unexpected', details: { file: 'moved.tar' } });
      expect(audited.details.differences).toMatch(new RegExp(`^${SMALL} [0-9a-f]{12} → —$`));
      await dockerAt(dockerHost, ['tag', moved, SMALL]);
      await dockerAt(dockerHost, ['rmi', moved]);
    }
  });

  it('prints usage for --help and refuses anything outside the whitelist', async () => {
    const help = await gorae(['--help'], { folder: 'help-folder' });
    expect(help.code).toBe(0);
    expect(help.out).toContain('gorae lab save IMAGE...');
    expect(help.out).toContain(join(base, 'help-folder'));
    const rm = await gorae(['rm', SMALL]);
    expect(rm.code).toBe(2);
    expect(rm.err).toContain('"rm"');
  });
  it('records every attempt in the audit log, refused ones included, before anything runs', async () => {
    const before = (await readFile(join(base, 'audit.jsonl'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
    await gorae(['ps', '--all']);
    await gorae(['rm', 'everything']);
    await gorae(['save', SMALL, '--file', '../x.tar']);
    const lines = (await readFile(join(base, 'audit.jsonl'), 'utf8')).trim().split('\n').slice(before).map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.action, line.phase, line.outcome])).toEqual([
      ['ps', 'attempt', 'started'],
      ['ps', 'outcome', 'ran'],
      ['rm', 'attempt', 'refused'],
      ['save', 'attempt', 'refused'],
    ]);
    expect(lines[0]).toMatchObject({ front: 'terminal', user: { id: 'tester@lab' }, arguments: { all: true } });
    expect(lines[0].attempt).toBe(lines[1].attempt);
  });

  it('does not run an action when the audit log cannot be written', async () => {
    await writeFile(join(base, 'not-a-folder'), '');
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await runLabCommand(['ps'], {
      i18n,
      uiLang: 'en',
      lab: { engines: enginesFor(dockerHost), exchange: createExchange(join(base, 'exchange')), clock: systemClock },
      audit: fileAuditLog(join(base, 'not-a-folder', 'audit.jsonl')),
      who: 'tester@lab',
      stdin: new PassThrough(),
      stdout,
      stderr,
    });
    expect(code).toBe(1);
    expect(out).not.toContain('CONTAINER ID');
    expect(err).toContain('audit');
  });
});
