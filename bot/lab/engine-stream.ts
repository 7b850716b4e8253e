import { fail, ok, type Failure, type Result } from '../core/result.js';
import { clip, Deadline, type EngineError } from './engine-failure.js';

/*
 * The streaming side of the engine port, free of dockerode: the timer that ends a stalled stream
 * and the reading of the engine's answer to a load.
 */

/**
 * Aborts `control` when nothing has moved for the current limit. A socket's own timeout would do
 * on unix and tcp, but an ssh channel has none, so activity is watched on the streams themselves.
 */
export class Watchdog {
  #timer: NodeJS.Timeout;

  constructor(
    private readonly control: AbortController,
    ms: number,
  ) {
    this.#timer = this.#start(ms);
  }

  /** Something moved: the current limit starts over. */
  readonly touch = (): void => {
    this.#timer.refresh();
  };

  /** A new limit from now on (the engine answered: from waiting for it to idling between bytes). */
  rearm(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = this.#start(ms);
  }

  stop(): void {
    clearTimeout(this.#timer);
  }

  #start(ms: number): NodeJS.Timeout {
    return setTimeout(() => this.control.abort(new Deadline(ms)), ms).unref();
  }
}

/**
 * The engine answers a load with JSON lines: progress, `{"stream":"Loaded image: x\n"}`, or
 * `{"errorDetail":{"message":…}}` when the archive is refused after the upload started.
 */
export async function loadReport(
  response: NodeJS.ReadableStream,
  host: string,
  failureOf: (error: unknown) => Failure<EngineError>,
): Promise<Result<string[], EngineError>> {
  let text = '';
  try {
    response.setEncoding('utf8');
    for await (const chunk of response) text += String(chunk);
  } catch (error) {
    return { ok: false, error: failureOf(error) };
  }
  const loaded: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let message: { stream?: unknown; error?: unknown; errorDetail?: { message?: unknown } };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      continue;
    }
    const error = message.errorDetail?.message ?? message.error;
    if (typeof error === 'string') return fail('lab.engine.failed', { host, reason: clip(error) });
    if (typeof message.stream === 'string' && message.stream.startsWith('Loaded image')) loaded.push(message.stream.trim());
  }
  return ok(loaded);
}
