import { describe, expect, it } from 'vitest';
import { createI18n, explain, translator } from '../../bot/i18n.js';
import type { Failure } from '../../bot/core/result.js';

const host = 'lab2';
const dir = '/srv/gorae/exchange';

/** Every failure the lab core returns (engine, hosts, parse, exchange folder, save, load, busy), with the vars it carries. */
const failures: Failure[] = [
  { id: 'lab.engine.unreachable', vars: { host, address: 'tcp://10.0.0.12:2375', reason: 'ECONNREFUSED' } },
  { id: 'lab.engine.timeout', vars: { host, seconds: 10 } },
  { id: 'lab.engine.tooSlow', vars: { host, minutes: 120 } },
  { id: 'lab.engine.refused', vars: { host, reason: 'self-signed certificate in certificate chain' } },
  { id: 'lab.engine.failed', vars: { host, reason: 'open /var/lib/docker/tmp/x: no such file or directory' } },
  { id: 'lab.engine.cancelled', vars: { host } },
  { id: 'lab.image.missing', vars: { host, image: 'app:1' } },
  { id: 'lab.host.entry', vars: { entry: 'lab1' } },
  { id: 'lab.host.name', vars: { host: 'bad name' } },
  { id: 'lab.host.url', vars: { host, url: 'http://x' } },
  { id: 'lab.host.password', vars: { host } },
  { id: 'lab.host.duplicate', vars: { host } },
  { id: 'lab.host.tls', vars: { host, file: '/etc/gorae/tls/lab2/cert.pem' } },
  { id: 'lab.host.hostKey', vars: { host, file: '/etc/gorae/tls/lab2/host_key.pub' } },
  { id: 'lab.host.unknown', vars: { host, known: 'default, lab1' } },
  { id: 'lab.parse.empty' },
  { id: 'lab.parse.unsafe', vars: { char: ';' } },
  { id: 'lab.parse.quote', vars: { quote: '"' } },
  { id: 'lab.parse.action', vars: { action: 'rm' } },
  { id: 'lab.parse.flag', vars: { flag: '--bogus', action: 'ps' } },
  { id: 'lab.parse.value', vars: { flag: '--host' } },
  { id: 'lab.parse.argument', vars: { argument: 'web', action: 'ps' } },
  { id: 'lab.parse.filter', vars: { filter: 'label=x', action: 'ps', filters: 'name=…, status=…' } },
  { id: 'lab.parse.state', vars: { state: 'sleeping', states: 'created, running' } },
  { id: 'lab.parse.name', vars: { name: '' } },
  { id: 'lab.parse.host', vars: { host: '../x' } },
  { id: 'lab.parse.invalid', vars: { action: 'save' } },
  { id: 'lab.parse.tooMany' },
  { id: 'lab.parse.missing.images' },
  { id: 'lab.parse.missing.file' },
  { id: 'lab.parse.reference.empty', vars: { reference: '' } },
  ...['format', 'uppercase', 'tooLong', 'identifier', 'digest'].map((problem) => ({ id: `lab.parse.reference.${problem}`, vars: { reference: 'App:1' } })),
  { id: 'lab.file.empty' },
  ...['nul', 'path', 'hidden', 'start', 'chars', 'extension', 'notFile'].map((problem) => ({ id: `lab.file.${problem}`, vars: { file: 'app.tar' } })),
  { id: 'lab.file.tooLong', vars: { length: 300, max: 200 } },
  { id: 'lab.file.folder', vars: { dir, reason: 'EACCES' } },
  { id: 'lab.file.outside', vars: { file: 'app.tar', dir } },
  { id: 'lab.file.missing', vars: { file: 'app.tar', dir } },
  { id: 'lab.save.exists', vars: { file: 'app.tar' } },
  { id: 'lab.save.gzipName', vars: { file: 'app.tar' } },
  { id: 'lab.save.diskFull', vars: { dir } },
  { id: 'lab.save.write', vars: { dir, reason: 'EISDIR' } },
  { id: 'lab.save.incomplete', vars: { host } },
  { id: 'lab.save.engineLost', vars: { host, reason: 'ECONNRESET' } },
  { id: 'lab.save.cancelled', vars: { host } },
  ...['truncated', 'corrupt', 'notArchive', 'notImages', 'badSidecar', 'unconfirmed', 'declined'].map((problem) => ({ id: `lab.load.${problem}`, vars: { file: 'app.tar' } })),
  { id: 'lab.load.staleFile', vars: { file: 'app.tar' } },
  { id: 'lab.load.staleTags', vars: { file: 'app.tar', host } },
  { id: 'lab.load.missingPart', vars: { file: 'app.tar', part: 'blobs/sha256/abc' } },
  { id: 'lab.load.read', vars: { file: 'app.tar', reason: 'EIO' } },
  { id: 'lab.load.checksum', vars: { file: 'app.tar', expected: 'a'.repeat(64), actual: 'b'.repeat(64) } },
  ...(['save', 'load'] as const).map((action) => ({ id: `lab.busy.${action}`, vars: { host, file: 'app.tar', who: 'mina', since: '2026-11-22 10:00 UTC' } })),
  { id: 'lab.busy.lock', vars: { host, reason: 'EROFS' } },
];

describe('lab failure messages', () => {
  const i18n = createI18n();
  for (const lang of ['en', 'ko'] as const) {
    const t = translator(i18n, lang);
    it.each(failures.map((failure) => [failure.id, failure] as const))(`explain %s in ${lang}, with every value filled in`, (_id, failure) => {
      const text = explain(t, failure);
      expect(text).not.toBe(t('common:error.unexpected'));
      expect(text).not.toMatch(/\{\{|\$t\(/);
      for (const value of Object.values(failure.vars ?? {})) if (value !== '') expect(text).toContain(String(value));
    });
  }
});
