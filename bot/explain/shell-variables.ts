import type { Phrase } from './phrases.js';
import { readEnv } from './values.js';

/** The variables Docker's CLI and Compose read from their environment that change what a command does, as their references define them. */
const KNOWN_VARIABLES = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_BUILDKIT', 'DOCKER_DEFAULT_PLATFORM', 'COMPOSE_PROFILES', 'COMPOSE_FILE', 'COMPOSE_PROJECT_NAME'] as const;

/** `NAME=value` typed before docker: the shell sets it for this one command, in docker's environment; a known one also says what it changes. */
export function variableText(assignment: string, t: Phrase): string {
  const { key, value = '' } = readEnv(assignment);
  const set = t('variable.set', { name: key, value });
  const known = KNOWN_VARIABLES.find((name) => name === key);
  return known ? `${set} ${t(`variable.known.${known}`, { value })}` : set;
}
