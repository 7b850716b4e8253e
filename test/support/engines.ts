import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../bot/lab/engine.js';
import { DEFAULT_HOST, readHosts } from '../../bot/lab/hosts.js';

/** Engines by name, built the way main builds them: DOCKER_HOST plus GORAE_HOSTS pairs. */
export function enginesFor(dockerHost: string, others = ''): Map<string, Engine> {
  const hosts = readHosts({ DOCKER_HOST: dockerHost, GORAE_HOSTS: others, GORAE_TLS_DIR: join(tmpdir(), 'gorae-no-tls') });
  if (!hosts.ok) throw new Error(`bad hosts: ${hosts.error.id}`);
  return new Map([...hosts.value].map(([name, spec]) => [name, createEngine(spec, 10_000)]));
}

/** The test engine alone, as the default host. */
export const defaultEngine = (dockerHost: string): Engine => enginesFor(dockerHost).get(DEFAULT_HOST)!;

/**
 * The real engine, with another client acting on it while a load runs: `during` is run right after
 * the engine finishes loading and before Gorae looks at its tags again.
 */
export const engineActingDuringLoad = (engine: Engine, during: () => Promise<unknown>): Engine => ({
  ...engine,
  async importImages(archive, signal) {
    const loaded = await engine.importImages(archive, signal);
    await during();
    return loaded;
  },
});
