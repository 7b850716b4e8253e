import { systemClock } from '../core/clock.js';
import { map, type Result } from '../core/result.js';
import type { Config } from '../config.js';
import { createEngine, timeoutsFrom } from './engine.js';
import { createExchange } from './exchange.js';
import { readHosts, type HostError } from './hosts.js';
import type { LabServices } from './run.js';

/**
 * The lab's services as every front uses them (terminal, chat, Discord): one engine per configured
 * host and the exchange folder. Nothing connects until the first action.
 */
export function labServices(config: Config, env: NodeJS.ProcessEnv = process.env): Result<LabServices, HostError> {
  const hosts = readHosts({
    DOCKER_HOST: config.DOCKER_HOST,
    GORAE_HOSTS: config.GORAE_HOSTS,
    GORAE_TLS_DIR: config.GORAE_TLS_DIR,
    SSH_AUTH_SOCK: env.SSH_AUTH_SOCK,
  });
  const timeouts = timeoutsFrom(config.GORAE_DOCKER_TIMEOUT_MS, config.GORAE_ARCHIVE_MAX_MINUTES);
  return map(hosts, (specs) => ({
    engines: new Map([...specs].map(([name, spec]) => [name, createEngine(spec, timeouts)])),
    exchange: createExchange(config.GORAE_EXCHANGE_DIR),
    clock: systemClock,
  }));
}
