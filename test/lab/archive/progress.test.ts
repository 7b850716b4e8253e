import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sidecarDigest, sidecarText } from '../../../bot/lab/archive/checksum.js';
import { Meter, progressLine, type Progress } from '../../../bot/lab/archive/progress.js';

describe('the progress meter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-22T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Writes chunks through the meter, the clock moving `stepMs` before each, and collects the output. */
  function run(meter: Meter, chunks: number, size: number, stepMs: number): Buffer[] {
    const out: Buffer[] = [];
    meter.on('data', (chunk: Buffer) => out.push(chunk));
    for (let i = 0; i < chunks; i += 1) {
      vi.advanceTimersByTime(stepMs);
      meter.write(Buffer.alloc(size, i));
    }
    meter.end();
    return out;
  }

  it('passes every byte through and reports at most four times a second', () => {
    const seen: Array<Progress & { at: number }> = [];
    const tapped: number[] = [];
    const meter = new Meter('save', 10_000, (progress) => seen.push({ ...progress, at: Date.now() }), (chunk) => tapped.push(chunk.length));
    const out = run(meter, 100, 100, 30);
    expect(Buffer.concat(out)).toHaveLength(10_000);
    expect(meter.bytes).toBe(10_000);
    expect(tapped).toHaveLength(100);
    expect(seen.length).toBeGreaterThanOrEqual(11);
    expect(seen.length).toBeLessThanOrEqual(13);
    for (let i = 1; i < seen.length; i += 1) {
      expect(seen[i]!.at - seen[i - 1]!.at).toBeGreaterThanOrEqual(250);
      expect(seen[i]!.bytes).toBeGreaterThan(seen[i - 1]!.bytes);
    }
    expect(seen.every((progress) => progress.phase === 'save' && progress.total === 10_000)).toBe(true);
  });

  it('never reports more done than the total, when the estimate was low', () => {
    const seen: Progress[] = [];
    run(new Meter('save', 10, (progress) => seen.push(progress)), 1, 50, 0);
    expect(seen).toEqual([{ phase: 'save', bytes: 50, total: 50 }]);
  });
});

describe('the .sha256 companion', () => {
  const digest = 'ab'.repeat(32);

  it('reads back what it writes, in sha256sum format', () => {
    expect(sidecarText(digest, 'app.tar')).toBe(`${digest}  app.tar\n`);
    expect(sidecarDigest(sidecarText(digest, 'app.tar'), 'app.tar')).toBe(digest);
  });

  it('accepts binary mode, a bare digest, upper case, and a renamed file’s single line', () => {
    expect(sidecarDigest(`${digest} *app.tar\n`, 'app.tar')).toBe(digest);
    expect(sidecarDigest(digest.toUpperCase(), 'app.tar')).toBe(digest);
    expect(sidecarDigest(`${digest}  old-name.tar\n`, 'app.tar')).toBe(digest);
  });

  it('picks the line that names the file among several', () => {
    const other = 'cd'.repeat(32);
    expect(sidecarDigest(`${other}  db.tar\n${digest}  app.tar\n`, 'app.tar')).toBe(digest);
  });

  it('finds nothing in text that holds no digest', () => {
    expect(sidecarDigest('', 'app.tar')).toBeUndefined();
    expect(sidecarDigest('abc  app.tar', 'app.tar')).toBeUndefined();
  });
});

describe('the progress line', () => {
  it('fills its bar in proportion and never past the total', () => {
    expect(progressLine('Saving', { phase: 'save', bytes: 50_000_000, total: 100_000_000 })).toBe(
      `Saving  [${'█'.repeat(12)}${'░'.repeat(12)}]  50%  50MB / 100MB`,
    );
    expect(progressLine('Loading', { phase: 'load', bytes: 0, total: 0 })).toBe(`Loading  [${'░'.repeat(24)}]   0%  0B / 0B`);
  });
});
