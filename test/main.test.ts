import { execFile, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../bot/core/paths.js';

const root = packageRoot(import.meta.url);

/** The environment of a person's shell without Gorae's settings, its gap log in a fresh folder. */
async function shellEnv(env: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'gorae-main-'));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('DISCORD_') && !key.startsWith('GORAE_')));
  return { ...clean, GORAE_GAPS_FILE: join(dir, 'gaps.jsonl'), LANG: 'en_US.UTF-8', ...env };
}

const entry = (args: string[]) => ['--import', 'tsx', join(root, 'bot/main.ts'), ...args];

/** Runs the real entry point as `gorae ARGS`, the way a person would from a shell. */
async function gorae(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, entry(args), { cwd: root, env: await shellEnv(env) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('starting gorae', () => {
  it('answers one question and exits 0', async () => {
    const run = await gorae(['ask', 'run vs start']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('run vs start vs create');
  });

  it.each([['gorae ask', ['ask']], ['the chat', []]])('ends %s quietly with exit 0 when the reader of its output stops early, as head does', async (_name, args) => {
    const child = spawn(process.execPath, entry(args), { cwd: root, env: await shellEnv({}) });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end('run vs start\n'.repeat(100));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('reads a --lang written before the command as written after it', async () => {
    const before = await gorae(['--lang', 'ko', 'explain', 'docker ps -a']);
    expect(before).toMatchObject({ code: 0, stderr: '' });
    expect(before.stdout).toContain('부분별 설명');
    const joined = await gorae(['--lang=ko', 'topic', 'volumes']);
    expect(joined.stdout).toContain('볼륨');
  });

  it('answers a quoted question starting with "-" after ask, and reads no --help after --', async () => {
    const dash = await gorae(['ask', '--lang', 'ko', '-it 옵션 뜻']);
    expect(dash).toMatchObject({ code: 0, stderr: '' });
    expect(dash.stdout).toContain('-it');
    expect(dash.stdout).not.toContain('옵션이 없어요');
    const after = await gorae(['ask', '--', '--help', '옵션은 뭐야?']);
    expect(after).toMatchObject({ code: 0, stderr: '' });
    expect(after.stdout).not.toContain('Usage:');
    const hostname = await gorae(['ask', 'docker', 'run', '-h', 'myhost', 'ubuntu']);
    expect(hostname.stdout, "docker's -h, not a call for Gorae's help").not.toContain('Usage:');
    expect(hostname.stdout).toContain('-h');
  });

  it('stops with the file and field of a broken knowledge file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gorae-broken-'));
    await writeFile(join(dir, 'bad.yaml'), 'id: bad\nsource: [docker-docs]\nen: {title: only}\n');
    const run = await gorae(['ask', 'run vs start'], { GORAE_KNOWLEDGE_DIR: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(join(dir, 'bad.yaml'));
    expect(run.stderr).toContain('"en.summary"');
    expect(run.stdout).toBe('');
  });

  it('names a bad setting and why, in Korean for a Korean system, without echoing its value', async () => {
    const run = await gorae(['ask', 'x'], { GORAE_ADMIN_ROLES: 'not-an-id', LANG: 'ko_KR.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GORAE_ADMIN_ROLES');
    expect(run.stderr).toContain('설정');
    expect(run.stderr).not.toContain('not-an-id');
  });

  it('refuses an unknown subcommand and points to --help', async () => {
    const run = await gorae(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('gorae --help');
  });

  it('prints its usage with --help', async () => {
    const run = await gorae(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gorae ask');
  });

  it('keeps answering when the gap log cannot be written, and says so once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gorae-ro-'));
    await writeFile(join(dir, 'file'), '');
    const run = await gorae(['ask', "what's the weather"], { GORAE_GAPS_FILE: join(dir, 'file', 'gaps.jsonl') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("I don't know");
    expect(run.stderr).toContain('GORAE_GAPS_FILE');
  });

  it('refuses to start for Discord when its health file cannot be written, saying which setting to fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gorae-health-'));
    await writeFile(join(dir, 'file'), '');
    const run = await gorae([], { DISCORD_TOKEN: 'x'.repeat(70), GORAE_HEALTH_FILE: join(dir, 'file', 'health.json') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GORAE_HEALTH_FILE');
    expect(run.stderr).not.toContain('    at ');
  });

  it("refuses an unknown option in Gorae's words, without node's advice about --", async () => {
    const run = await gorae(['--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('Gorae has no option --bogus. Run `gorae --help` to see every option.');
  });

  it("refuses GORAE_LANG=fr in Gorae's words with exit code 2", async () => {
    const run = await gorae(['ask', 'x'], { GORAE_LANG: 'fr' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GORAE_LANG is not valid: it must be en or ko');
    expect(run.stderr).not.toContain('Invalid option');
  });

  it.each([['ask', '--help'], ['chat', '-h'], ['health', '--help'], ['lab', '--help'], ['lab', 'ps', '--help'], ['lab', 'save', 'app:1', '-h']])(
    'prints help for `gorae %s %s…` and exits 0',
    async (...args) => {
      const run = await gorae(args);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain(args[0] === 'lab' ? 'gorae lab ps [--all] [--filter name=PATTERN|status=STATE]' : 'gorae ask');
    },
  );
});
