import { inject } from 'vitest';
import type { TestEngine } from './global-setup.js';

/** Both engines the lab tests run on, for `describe.each(labEngines())('… on the $name', …)`. */
export const labEngines = (): TestEngine[] => inject('engines');

/** The engine's address; when the engine could not be had, the test fails with the reason. */
export function usableHost(engine: TestEngine): string {
  if (engine.problem !== undefined) throw new Error(engine.problem);
  return engine.dockerHost;
}
