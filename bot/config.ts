import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from './core/result.js';

const snowflake = z.string().regex(/^\d{17,20}$/);
const idList = z
  .string()
  .default('')
  .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(snowflake));
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const dataDir = join(homedir(), '.gorae');

/** A file or folder Gorae writes: absolute, so that where it lands never depends on the folder Gorae was started from. */
const absolutePath = z.string().min(1).refine(isAbsolute);

/** How long one save's or load's transfer may take in all, by default. */
export const ARCHIVE_MAX_MINUTES = 120;

/** Every environment variable Gorae reads, in one place; README's table mirrors it. */
export const configSchema = z.object({
  DISCORD_TOKEN: optional(z.string().min(50).regex(/^\S+$/)),
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).default('https://discord.com/api'),
  GORAE_GUILD_ID: optional(snowflake),
  GORAE_LANG: optional(z.enum(['en', 'ko'])),
  GORAE_KNOWLEDGE_DIR: optional(z.string().min(1)),
  GORAE_GAPS_FILE: absolutePath.default(join(dataDir, 'gaps.jsonl')),
  GORAE_HEALTH_FILE: optional(absolutePath),
  GORAE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DOCKER_HOST: optional(z.string().regex(/^(unix|tcp|ssh|npipe):\/\//)),
  GORAE_HOSTS: optional(z.string().min(1)),
  GORAE_TLS_DIR: absolutePath.default(join(dataDir, 'tls')),
  GORAE_DOCKER_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
  GORAE_ARCHIVE_MAX_MINUTES: z.coerce.number().int().min(1).max(1_440).default(ARCHIVE_MAX_MINUTES),
  GORAE_EXCHANGE_DIR: absolutePath.default(join(dataDir, 'exchange')),
  GORAE_ADMIN_CHANNELS: idList,
  GORAE_ADMIN_ROLES: idList,
  GORAE_ADMIN_USERS: idList,
  GORAE_AUDIT_LOG: absolutePath.default(join(dataDir, 'audit.jsonl')),
  GORAE_AUDIT_CHANNEL: optional(snowflake),
});

export type Config = z.infer<typeof configSchema>;

export type ConfigError = 'common.config.invalid';

/**
 * Validates the environment once; the failure names the variable but never echoes its value, and
 * what the variable expects comes from locales/ (common:config.expected), not from zod.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Result<Config, ConfigError> {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return ok(parsed.data);
  return fail('common.config.invalid', { variable: String(parsed.error.issues[0]!.path[0]) });
}
