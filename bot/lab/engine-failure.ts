import type { Failure } from '../core/result.js';

/** What can go wrong talking to an engine; every failure's vars name the host. */
export type EngineError =
  | 'lab.engine.unreachable'
  | 'lab.engine.timeout'
  | 'lab.engine.tooSlow'
  | 'lab.engine.refused'
  | 'lab.engine.failed'
  | 'lab.engine.cancelled'
  | 'lab.image.missing';

/** A deadline that passed, and how long it was, for the message. */
export class Deadline extends Error {
  override readonly name = 'TimeoutError';
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** The whole of a save's or load's transfer took longer than it may, however steadily bytes trickled. */
export class Overall extends Deadline {}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOENT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', 'EACCES', 'ETIMEDOUT']);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  level?: unknown;
  statusCode?: unknown;
  message?: unknown;
  cause?: unknown;
  json?: { message?: unknown } | null;
}

/**
 * Maps whatever node, docker-modem or ssh2 threw to a failure id that names the host; an unreachable
 * engine also names the address that was tried (`/var/run/docker.sock` when DOCKER_HOST is unset).
 */
export function describeFailure(host: string, raw: unknown, callMs: number, image?: string, address = host): Failure<EngineError> {
  const error = (raw ?? {}) as ErrorShape;
  const cause = (error.cause ?? {}) as ErrorShape;
  const overall = [raw, error.cause].find((each): each is Overall => each instanceof Overall);
  if (overall) return { id: 'lab.engine.tooSlow', vars: { host, minutes: Math.max(1, Math.round(overall.ms / 60_000)) } };
  if (error.name === 'TimeoutError' || cause.name === 'TimeoutError') {
    const deadline = [raw, error.cause].find((each): each is Deadline => each instanceof Deadline);
    return { id: 'lab.engine.timeout', vars: { host, seconds: Math.max(1, Math.round((deadline?.ms ?? callMs) / 1000)) } };
  }
  if (error.name === 'AbortError') return { id: 'lab.engine.cancelled', vars: { host } };
  const status = typeof error.statusCode === 'number' ? error.statusCode : undefined;
  const engineMessage = typeof error.json?.message === 'string' ? error.json.message : undefined;
  const reason = clip(engineMessage ?? String(error.message ?? error));
  if (status === 404 && image !== undefined) {
    return { id: 'lab.image.missing', vars: { host, image: missingImage(engineMessage, image) } };
  }
  if (status === 401 || status === 403) return { id: 'lab.engine.refused', vars: { host, reason } };
  if (status !== undefined) return { id: 'lab.engine.failed', vars: { host, reason } };
  const code = typeof error.code === 'string' ? error.code : '';
  if (error.level === 'client-authentication' || error.level === 'handshake' || /CERT|TLS|SSL|EPROTO/.test(code)) {
    return { id: 'lab.engine.refused', vars: { host, reason } };
  }
  if (UNREACHABLE.has(code) || error.level === 'client-socket' || error.level === 'client-timeout') {
    return { id: 'lab.engine.unreachable', vars: { host, address, reason: code || reason } };
  }
  return { id: 'lab.engine.failed', vars: { host, reason } };
}

/** With several references the engine may name the missing one ("No such image: app:1"); otherwise all are named. */
function missingImage(message: string | undefined, image: string): string {
  if (!image.includes(' ')) return image;
  const named = [...(message ?? '').matchAll(/No such image: (\S+)/gi)].at(-1)?.[1];
  return named ?? image.split(' ').join(', ');
}

export const clip = (text: string): string => (text.length > 300 ? `${text.slice(0, 299)}…` : text).trim();
