import type { TestProject } from 'vitest/node';
import { containerdEngineOrProblem } from './containerd-engine.js';
import { findOrStartEngine } from './docker-engine.js';

/** One engine the lab tests run on: its address, or (only for the second engine) why it is missing. */
export interface TestEngine {
  readonly name: 'classic image store' | 'containerd image store';
  readonly dockerHost: string;
  readonly problem?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    dockerHost: string;
    dockerHostContainerd: string;
    engines: TestEngine[];
  }
}

/**
 * Every test run gets two Docker Engines: the one `inject('dockerHost')` names (DOCKER_HOST, the
 * default socket or a private Debian 12 dockerd with the classic image store) and a private Docker 26
 * with the containerd image store, `inject('dockerHostContainerd')`. `inject('engines')` lists both
 * for `describe.each`. When the second cannot be fetched or started, its address is empty and its
 * problem says why: the tests on it fail with that message instead of being skipped.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const classic = await findOrStartEngine();
  process.env.DOCKER_HOST = classic.dockerHost;
  const containerd = await containerdEngineOrProblem();
  if ('problem' in containerd) console.error(`gorae: ${containerd.problem}`);
  const containerdHost = 'engine' in containerd ? containerd.engine.dockerHost : '';
  project.provide('dockerHost', classic.dockerHost);
  project.provide('dockerHostContainerd', containerdHost);
  project.provide('engines', [
    { name: 'classic image store', dockerHost: classic.dockerHost },
    { name: 'containerd image store', dockerHost: containerdHost, ...('problem' in containerd ? { problem: containerd.problem } : {}) },
  ]);
  return async () => {
    if ('engine' in containerd) await containerd.engine.stop();
    await classic.stop?.();
  };
}
