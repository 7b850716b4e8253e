import type { TestProject } from 'vitest/node';
import { findOrStartEngine } from './docker-engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dockerHost: string;
  }
}

/** Every test run gets one Docker Engine; tests read its address with `inject('dockerHost')`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = await findOrStartEngine();
  process.env.DOCKER_HOST = engine.dockerHost;
  project.provide('dockerHost', engine.dockerHost);
  return async () => {
    await engine.stop?.();
  };
}
