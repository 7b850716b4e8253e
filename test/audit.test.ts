import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileAuditLog, type AuditEntry } from '../bot/audit.js';

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
});
