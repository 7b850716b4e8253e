import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Clock } from './core/clock.js';

const healthSchema = z.object({
  knowledge: z.boolean(),
  gateway: z.enum(['connecting', 'ready', 'disconnected']),
  updatedAt: z.iso.datetime(),
});

/** What the container health check reads: the process's own view of whether it can serve users. */
export type Health = z.infer<typeof healthSchema>;

export interface HealthReporter {
  update(change: Partial<Omit<Health, 'updatedAt'>>): void;
}

/**
 * Writes the state file atomically (temp file + rename) so a reader never sees half a write. Its
 * folder is created on the first write, like the audit log's and the gaps file's.
 */
export function fileHealthReporter(path: string | undefined, clock: Clock): HealthReporter {
  let state: Omit<Health, 'updatedAt'> = { knowledge: false, gateway: 'connecting' };
  let folderReady = false;
  return {
    update(change) {
      state = { ...state, ...change };
      if (!path) return;
      if (!folderReady) mkdirSync(dirname(path), { recursive: true });
      folderReady = true;
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ ...state, updatedAt: clock.now().toISOString() }));
      renameSync(temporary, path);
    },
  };
}

/** The state as last written, or undefined when the file is missing, unreadable or malformed. */
export function readHealth(path: string): Health | undefined {
  try {
    const parsed = healthSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Healthy means: knowledge loaded, gateway ready, and the state refreshed within `maxAgeMs`. */
export function isHealthy(path: string, clock: Clock, maxAgeMs: number): boolean {
  const health = readHealth(path);
  if (!health) return false;
  const age = clock.now().getTime() - Date.parse(health.updatedAt);
  return health.knowledge && health.gateway === 'ready' && age <= maxAgeMs;
}
