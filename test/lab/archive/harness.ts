import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../bot/core/clock.js';
import type { ArchivePorts } from '../../../bot/lab/archive/save.js';
import { createExchange } from '../../../bot/lab/exchange.js';
import { DEFAULT_HOST } from '../../../bot/lab/hosts.js';
import { enginesFor } from '../../support/engines.js';
import { dockerAt } from '../../support/docker-cli.js';

/** A fresh exchange folder and archive ports on the test engine; `images` are removed afterwards. */
export async function archiveHarness(dockerHost: string) {
  const base = await mkdtemp(join(tmpdir(), 'gorae-archive-'));
  const dir = join(base, 'exchange');
  const engine = enginesFor(dockerHost).get(DEFAULT_HOST)!;
  const ports: ArchivePorts = { engine, exchange: createExchange(dir), clock: systemClock, who: 'tester' };
  const created = new Set<string>();
  return {
    base,
    dir,
    ports,
    docker: (...args: string[]) => dockerAt(dockerHost, args),
    /** Remembers tags to remove when the test ends. */
    track: (...tags: string[]) => tags.forEach((tag) => created.add(tag)),
    files: async () => (await readdir(dir).catch(() => [] as string[])).sort(),
    async cleanup() {
      if (created.size > 0) await dockerAt(dockerHost, ['rmi', '--force', ...created]).catch(() => undefined);
      await rm(base, { recursive: true, force: true });
    },
  };
}

export type ArchiveHarness = Awaited<ReturnType<typeof archiveHarness>>;

/** The image id a tag names on the engine, or undefined when the tag is not there. */
export async function imageId(harness: ArchiveHarness, tag: string): Promise<string | undefined> {
  const found = await harness.docker('image', 'inspect', '--format', '{{.Id}}', tag).catch(() => undefined);
  return found?.stdout.trim();
}
