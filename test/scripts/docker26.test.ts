import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docker26Programs, prepareDocker26 } from '../../scripts/docker26.mjs';
import { usableHost } from '../support/test-engines.js';

describe('the Docker 26 engine the lab tests also run on', () => {
  const made: string[] = [];
  const cacheFolder = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gorae-docker26-'));
    made.push(dir);
    return join(dir, 'cache');
  };
  const path = process.env.PATH;
  afterEach(async () => {
    process.env.PATH = path;
    for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('is taken from the cache once it is unpacked there, without asking apt again', async () => {
    const cache = await cacheFolder();
    await mkdir(cache, { recursive: true });
    await writeFile(join(cache, 'ready'), '');
    process.env.PATH = '';
    expect(prepareDocker26(cache)).toEqual({ ok: true, programs: docker26Programs(cache) });
  });

  it('says which step failed when the packages cannot be fetched, and leaves no half-made cache marked ready', async () => {
    const cache = await cacheFolder();
    process.env.PATH = '';
    const prepared = prepareDocker26(cache);
    expect(prepared.ok).toBe(false);
    expect(prepared.ok ? '' : prepared.message).toMatch(/^The Docker 26 engine \(containerd image store\) for the lab tests is not available: apt-get update for Debian 13 \(trixie\) failed:\n {2}.*ENOENT/);
    expect(existsSync(join(cache, 'ready'))).toBe(false);
  });

  it('fails a test on it with that reason rather than skipping it', () => {
    const problem = 'The Docker 26 engine (containerd image store) for the lab tests is not available: apt-get update failed';
    expect(() => usableHost({ name: 'containerd image store', dockerHost: '', problem })).toThrow(problem);
    expect(usableHost({ name: 'classic image store', dockerHost: 'unix:///run/d.sock' })).toBe('unix:///run/d.sock');
  });
});
