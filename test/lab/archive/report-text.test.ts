import { describe, expect, it } from 'vitest';
import { createI18n, translator } from '../../../bot/i18n.js';
import { loadSummary, saveSummary } from '../../../bot/lab/archive/report-text.js';

const t = translator(createI18n(), 'en');
const save = { host: 'default', file: 'app.tar', sidecar: 'app.tar.sha256', images: ['app:1'], bytes: 2_000_000, rawBytes: 2_000_000, sha256: 'ab'.repeat(32), durationMs: 29, throughput: 68_965_517 };

describe('save and load summaries', () => {
  it('never shows a quick save as taking 0.0 seconds', () => {
    expect(saveSummary(t, save).done).toBe('Saved app.tar (2MB) in 0.03s, 69MB/s.');
  });

  it('keeps one decimal for long runs', () => {
    expect(saveSummary(t, { ...save, durationMs: 83_456 }).done).toContain('in 83.5s');
  });

  it('lists the images, the sha256 and how to check the copy', () => {
    expect(saveSummary(t, save).details.join('\n')).toMatch(/app:1[\s\S]*abab[\s\S]*sha256sum -c app\.tar\.sha256/);
  });

  it('lets the front make loaded image names safe', () => {
    const report = { host: 'default', file: 'a.tar', bytes: 1, gzip: false, images: [], replaced: [], checksum: 'absent', loaded: ['x:1'], durationMs: 1_500, throughput: 1 } as const;
    expect(loadSummary(t, report, (name) => `[${name}]`)).toContain('[x:1]');
  });
});
