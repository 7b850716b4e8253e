import { pino, type DestinationStream, type Level, type Logger } from 'pino';

export type { Logger };

export interface LogOptions {
  readonly level: Level | 'silent';
  /** Values that must never reach a log line (the bot token); each is replaced wherever it appears. */
  readonly secrets?: readonly (string | undefined)[];
  readonly destination?: DestinationStream;
}

const stdout: DestinationStream = { write: (line) => void process.stdout.write(line) };

/**
 * Structured JSON logs. Secrets are scrubbed from the finished line rather than from known fields,
 * so a token inside an error message or a URL is caught too.
 */
export function createLogger({ level, secrets = [], destination = stdout }: LogOptions): Logger {
  const hidden = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8);
  const scrubbed: DestinationStream = {
    write: (line) => destination.write(hidden.reduce((text, secret) => text.replaceAll(secret, '[secret]'), line)),
  };
  return pino(
    {
      name: 'gorae',
      level,
      base: { pid: process.pid },
      serializers: { err: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    scrubbed,
  );
}

/** Keeps what helps to debug (name, message, Discord's code and status, stack) and drops request bodies. */
function serializeError(error: unknown): object {
  if (!(error instanceof Error)) return { message: String(error) };
  const extra = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(extra.code === undefined ? {} : { code: extra.code }),
    ...(extra.status === undefined ? {} : { status: extra.status }),
    ...(extra.method === undefined ? {} : { method: extra.method }),
    stack: error.stack,
  };
}
