import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = new URL('./harvest.ts', import.meta.url).pathname;
const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;

const asked = { time: '2026-12-05T10:00:00.000Z', question: '고래 harvest 시험용: 컨테이너 안에서 명령 치기', lang: 'ko', status: 'suggest', topic: null, suggestions: ['exec', 'attach'], score: 3, via: 'test', ref: 'q1' };
const opened = { ...asked, time: '2026-12-05T10:01:00.000Z', topic: 'exec', opened: 'o1', pickedBy: 'u1' };

/** `npm run harvest -- FILE` on a gap log holding `gaps`, in a folder of its own. */
async function harvest(gaps: object[], existing?: string) {
  const dir = await mkdtemp(join(tmpdir(), 'gorae-harvest-'));
  await writeFile(join(dir, 'gaps.jsonl'), gaps.map((gap) => `${JSON.stringify(gap)}\n`).join(''));
  const output = join(dir, 'asked.yaml');
  if (existing !== undefined) await writeFile(output, existing);
  const done = await run(tsx, [script, output], { env: { ...process.env, GORAE_GAPS_FILE: join(dir, 'gaps.jsonl') } }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
  return { ...done, written: await readFile(output, 'utf8').catch(() => undefined) };
}

describe('npm run harvest', () => {
  it('writes the confirmed questions to the file it is given and says how many', async () => {
    const { code, stdout, written } = await harvest([asked, opened]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/asked\.yaml: 1 confirmed questions from .*gaps\.jsonl to review; 0 left out/u);
    expect(parse(written!).questions).toEqual([expect.objectContaining({ q: asked.question, topic: 'exec' })]);
  });

  it('never writes over a file that is already there, and asks for a file when given none', async () => {
    const kept = await harvest([asked, opened], 'reviewed: true\n');
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain('already there; name a new file');
    expect(kept.written).toBe('reviewed: true\n');
    const bare = await run(tsx, [script]).catch((error: { code: number; stderr: string }) => error);
    expect(bare).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run harvest -- FILE.yaml') });
  });
});
