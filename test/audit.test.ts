import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { auditLine, fileAuditLog, type AuditEntry } from '../bot/audit.js';

const execFileAsync = promisify(execFile);

const entry = (attempt: string): AuditEntry => ({
  time: '2026-11-22T10:00:00.000Z',
  attempt,
  phase: 'attempt',
  front: 'discord',
  guild: '1',
  channel: '2',
  user: { id: '3', name: 'admin' },
  action: 'save',
  arguments: { images: ['app:1'] },
  outcome: 'started',
  durationMs: 0,
  bytes: 0,
});

describe('the audit log', () => {
  it('appends one JSON line per entry, in order, even when written concurrently', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gorae-audit-')), 'nested', 'audit.jsonl');
    const log = fileAuditLog(path);
    await Promise.all(['a', 'b', 'c'].map((id) => log.append(entry(id))));
    const lines = (await readFile(path, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.attempt)).toEqual(['a', 'b', 'c']);
  });

  it('reports a failure value when the file cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gorae-audit-'));
    await writeFile(join(dir, 'not-a-folder'), '');
    const result = await fileAuditLog(join(dir, 'not-a-folder', 'audit.jsonl')).append(entry('x'));
    expect(result).toMatchObject({ ok: false, error: { id: 'lab.audit.unwritable', vars: { reason: expect.stringMatching(/ENOTDIR|EEXIST/) } } });
  });

  it('does not count a line cut short by a full disk as written, and leaves no torn line behind', async () => {
    // A 8 KB tmpfs, filled so that the next line only partly fits: write(2) returns a short count.
    const dir = await mkdtemp(join(tmpdir(), 'gorae-audit-full-'));
    await execFileAsync('mount', ['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs', dir]);
    try {
      const path = join(dir, 'audit.jsonl');
      const log = fileAuditLog(path);
      const first = entry('fits');
      const line = auditLine(first);
      expect(await log.append(first)).toEqual({ ok: true, value: undefined });
      await writeFile(path, `${line}${'x'.repeat(8_192 - line.length - 100)}\n`);
      const before = await readFile(path, 'utf8');
      const result = await log.append(entry('does-not-fit'));
      expect(result).toMatchObject({ ok: false, error: { id: 'lab.audit.unwritable', vars: { reason: 'ENOSPC' } } });
      expect(await readFile(path, 'utf8')).toBe(before);
    } finally {
      await execFileAsync('umount', [dir]);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps U+2028 and U+2029 escaped, so every line of the log is one whole entry', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gorae-audit-')), 'audit.jsonl');
    const sneaky = { ...entry('x'), user: { id: '3', name: 'a\u2028b\u2029c' } };
    await fileAuditLog(path).append(sneaky);
    const text = await readFile(path, 'utf8');
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text).user.name).toBe('a\u2028b\u2029c');
  });
});
