import type { Clock } from '../core/clock.js';
import { isHealthy, readHealth } from '../health.js';
import type { Translate } from '../i18n.js';

/** The Discord front rewrites its state every 30 s, so 90 s without a write means it is stuck. */
export const HEALTH_MAX_AGE_MS = 90_000;

export interface HealthCommandDeps {
  /** GORAE_HEALTH_FILE: where the running bot writes its state. */
  readonly file: string | undefined;
  readonly clock: Clock;
  readonly t: Translate;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/**
 * `gorae health`, the container's HEALTHCHECK: exit 0 when the bot that writes the state file is
 * healthy, 1 when not, with one line saying why (Docker keeps it in `docker inspect`).
 */
export function runHealthCommand({ file, clock, t, stdout, stderr }: HealthCommandDeps): number {
  const unhealthy = (line: string): number => {
    stderr.write(`${line}\n`);
    return 1;
  };
  if (!file) return unhealthy(t('terminal:health.unset'));
  const state = readHealth(file);
  if (!state) return unhealthy(t('terminal:health.missing', { file }));
  const seconds = Math.max(0, Math.round((clock.now().getTime() - Date.parse(state.updatedAt)) / 1000));
  if (isHealthy(file, clock, HEALTH_MAX_AGE_MS)) {
    stdout.write(`${t('terminal:health.healthy', { seconds })}\n`);
    return 0;
  }
  if (!state.knowledge) return unhealthy(t('terminal:health.knowledge'));
  if (state.gateway === 'connecting') return unhealthy(t('terminal:health.connecting', { seconds }));
  if (state.gateway === 'disconnected') return unhealthy(t('terminal:health.disconnected'));
  return unhealthy(t('terminal:health.stale', { seconds, limit: HEALTH_MAX_AGE_MS / 1000 }));
}
