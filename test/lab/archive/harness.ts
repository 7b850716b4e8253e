import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../bot/core/clock.js';
import type { ArchivePorts } from '../../../bot/lab/archive/save.js';
import { createEngine, type Engine } from '../../../bot/lab/engine.js';
import { createExchange } from '../../../bot/lab/exchange.js';
import { DEFAULT_HOST, readHosts } from '../../../bot/lab/hosts.js';
import { dockerCli } from '../../support/random-image.js';

/** Engines by name, built the way main builds them: DOCKER_HOST plus GORAE_HOSTS pairs. */
export function enginesFor(dockerHost: string, others = ''): Map<string, Engine> {
  const hosts = readHosts({ DOCKER_HOST: dockerHost, GORAE_HOSTS: others, GORAE_TLS_DIR: join(tmpdir(), 'gorae-no-tls') });
  if (!hosts.ok) throw new Error(`bad hosts: ${hosts.error.id}`);
  return new Map([...hosts.value].map(([name, spec]) => [name, createEngine(spec, 10_000)]));
}

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
    docker: (...args: string[]) => dockerCli(dockerHost, args),
    /** Remembers tags to remove when the test ends. */
    track: (...tags: string[]) => tags.forEach((tag) => created.add(tag)),
    files: async () => (await readdir(dir).catch(() => [] as string[])).sort(),
    async cleanup() {
      if (created.size > 0) await dockerCli(dockerHost, ['rmi', '--force', ...created]).catch(() => undefined);
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
