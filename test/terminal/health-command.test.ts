import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../bot/core/clock.js';
import { fileHealthReporter, type Health } from '../../bot/health.js';
import { createI18n, translator } from '../../bot/i18n.js';
import { HEALTH_MAX_AGE_MS, runHealthCommand } from '../../bot/terminal/health-command.js';

const i18n = createI18n();
const WRITTEN = new Date('2026-03-01T09:00:00Z');
const at = (ms: number): Clock => ({ now: () => new Date(WRITTEN.getTime() + ms) });

function check(file: string | undefined, clock: Clock, lang: 'en' | 'ko' = 'en') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const code = runHealthCommand({ file, clock, t: translator(i18n, lang), stdout, stderr });
  return { code, out: String(stdout.read() ?? ''), err: String(stderr.read() ?? '') };
}

describe('gorae health', () => {
  let dir: string;
  let file: string;
  const write = (state: Partial<Omit<Health, 'updatedAt'>>) => fileHealthReporter(file, at(0)).update(state);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gorae-health-'));
    file = join(dir, 'health.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('exits 0 and says so when knowledge is loaded and the gateway is ready', () => {
    write({ knowledge: true, gateway: 'ready' });
    expect(check(file, at(12_000))).toEqual({
      code: 0,
      out: 'healthy: knowledge loaded, Discord gateway ready (state written 12 s ago)\n',
      err: '',
    });
  });

  it('stays healthy until the state is older than the limit, then calls the bot stuck', () => {
    write({ knowledge: true, gateway: 'ready' });
    expect(check(file, at(HEALTH_MAX_AGE_MS)).code).toBe(0);
    const late = check(file, at(HEALTH_MAX_AGE_MS + 1_000));
    expect(late.code).toBe(1);
    expect(late.err).toContain('last written 91 s ago (the limit is 90 s)');
  });

  it('names the gateway state while Discord is connecting or gone', () => {
    write({ knowledge: true, gateway: 'connecting' });
    expect(check(file, at(3_000))).toMatchObject({ code: 1, err: expect.stringContaining('still connecting to Discord') });
    write({ knowledge: true, gateway: 'disconnected' });
    expect(check(file, at(3_000))).toMatchObject({ code: 1, err: expect.stringContaining('disconnected from Discord') });
  });

  it('is unhealthy before the knowledge base has loaded', () => {
    write({ gateway: 'ready' });
    expect(check(file, at(1_000))).toMatchObject({ code: 1, err: expect.stringContaining('knowledge base is not loaded') });
  });

  it('explains a missing or garbled state file and an unset GORAE_HEALTH_FILE', async () => {
    expect(check(file, at(0))).toMatchObject({ code: 1, err: expect.stringContaining(`no readable state in ${file}`) });
    await writeFile(file, '{"knowledge": tru');
    expect(check(file, at(0)).code).toBe(1);
    expect(check(undefined, at(0))).toMatchObject({ code: 1, out: '', err: expect.stringContaining('GORAE_HEALTH_FILE is not set') });
  });

  it('reads the state from a folder the bot had to create first', () => {
    const nested = join(dir, 'state', 'gorae', 'health.json');
    fileHealthReporter(nested, at(0)).update({ knowledge: true, gateway: 'ready' });
    expect(check(nested, at(2_000)).code).toBe(0);
  });

  it('answers in Korean when the interface is Korean', () => {
    write({ knowledge: true, gateway: 'ready' });
    expect(check(file, at(5_000), 'ko').out).toBe('정상이에요: 지식 베이스를 불러왔고 Discord 게이트웨이에 연결돼 있어요 (5초 전에 기록한 상태예요)\n');
  });
});
