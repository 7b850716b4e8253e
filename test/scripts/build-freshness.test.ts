import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_STAMP, buildFacts, buildIsStale } from '../../scripts/build-freshness.mjs';

describe('npm start compiles', () => {
  it('when dist/ was never built', () => {
    expect(buildIsStale({ newestSourceMs: 1_000, builtAtMs: undefined })).toBe(true);
  });

  it('when a source changed after the last build began', () => {
    expect(buildIsStale({ newestSourceMs: 2_001, builtAtMs: 2_000 })).toBe(true);
  });

  it('not when every source is older than the last build', () => {
    expect(buildIsStale({ newestSourceMs: 1_999, builtAtMs: 2_000 })).toBe(false);
  });
});

describe('the build facts of a checkout', () => {
  it('see a source edited after the stamp, and no stamp before the first build', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gorae-build-'));
    try {
      await mkdir(join(root, 'bot'), { recursive: true });
      await mkdir(join(root, 'dist', 'bot'), { recursive: true });
      await writeFile(join(root, 'bot', 'main.ts'), '');
      await writeFile(join(root, 'dist', 'bot', 'main.js'), '');
      expect(buildFacts(root).builtAtMs).toBeUndefined();
      await writeFile(join(root, BUILD_STAMP), '');
      const old = new Date(Date.now() - 60_000);
      for (const path of ['bot/main.ts', 'bot']) await utimes(join(root, path), old, old);
      expect(buildIsStale(buildFacts(root))).toBe(false);
      await writeFile(join(root, 'bot', 'main.ts'), 'export {};');
      expect(buildIsStale(buildFacts(root))).toBe(true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
