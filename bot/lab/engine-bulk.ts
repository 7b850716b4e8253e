import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { BufferPool } from './buffer-pool.js';

/*
 * The engine's two bulk calls (export and load) through undici's dispatch API. The engine answers
 * an export in chunks of a few kB; as stream chunks each would cost a step of the event loop (about
 * 0.35 s per 320 MB, measured), so the body's bytes are copied into 1 MB buffers from a pool and
 * only those travel on.
 */

export interface BulkRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query, already encoded. */
  readonly path: string;
  /** Sent with chunked transfer encoding, as it comes. */
  readonly body?: NodeJS.ReadableStream | undefined;
}

export interface BulkHooks {
  /** Aborting it tears the connection down; the failure carries the signal's reason as its cause. */
  readonly signal: AbortSignal;
  /** Every read and every piece of the body sent: the caller's idle timer. */
  readonly onActivity: () => void;
  /** Where the response body's buffers come from. */
  readonly pool?: BufferPool | undefined;
}

/** What a status other than 2xx is turned into: the shape docker-modem gives, for the same failure mapping. */
export interface StatusError extends Error {
  readonly statusCode: number;
  readonly json: { message?: unknown } | null;
}

const ERROR_BODY_MAX_BYTES = 64 << 10;

/**
 * Sends `request` and resolves with the response body once a 2xx status and headers have arrived.
 * The body ends when the response does; a connection that closes before that errors it.
 */
export function bulkCall(client: Dispatcher, request: BulkRequest, hooks: BulkHooks): Promise<Readable> {
  const { signal, onActivity, pool = BufferPool.unkept() } = hooks;
  return new Promise<Readable>((resolve, reject) => {
    if (signal.aborted) return reject(aborted(signal));
    let abortRequest: ((error: Error) => void) | undefined;
    let body: ResponseBody | undefined;
    let status = 0;
    let finished = false;
    const errorText: Buffer[] = [];
    let errorBytes = 0;

    const finish = () => {
      finished = true;
      signal.removeEventListener('abort', onAbort);
    };
    // Cancelled before the request is on a connection: the caller hears now, the request is dropped once it gets one.
    const onAbort = () => (abortRequest ? abortRequest(aborted(signal)) : reject(aborted(signal)));
    signal.addEventListener('abort', onAbort, { once: true });

    const handler: Dispatcher.DispatchHandlers = {
      onConnect(abort) {
        abortRequest = abort;
        if (signal.aborted) abort(aborted(signal));
      },
      onBodySent: onActivity,
      onHeaders(statusCode, _headers, resume) {
        onActivity();
        if (statusCode < 200) return true;
        status = statusCode;
        if (statusCode < 300) {
          body = new ResponseBody(resume, pool);
          // A reader that stops early (a failed disk write, say) ends the call.
          body.once('close', () => {
            if (!finished) abortRequest?.(aborted(signal));
          });
          // The body can fail before the caller has it; the error stays on the stream (`errored`)
          // for the caller's pipeline instead of crashing the process.
          body.on('error', () => undefined);
          resolve(body);
        }
        return true;
      },
      onData(chunk) {
        onActivity();
        if (body) return body.accept(chunk);
        if (errorBytes < ERROR_BODY_MAX_BYTES) {
          errorText.push(Buffer.from(chunk));
          errorBytes += chunk.length;
        }
        return true;
      },
      onComplete() {
        finish();
        if (body) body.finish();
        else reject(statusError(status, Buffer.concat(errorText).toString('utf8')));
      },
      onError(error) {
        finish();
        const failure = signal.aborted ? aborted(signal) : plainError(error);
        if (body) body.destroy(failure);
        else reject(failure);
      },
    };
    client.dispatch(
      {
        method: request.method,
        path: request.path,
        headers: { 'user-agent': 'gorae', ...(request.body ? { 'content-type': 'application/x-tar' } : {}) },
        ...(request.body ? { body: request.body as Readable } : {}),
        // One request per connection: nothing is left open between saves.
        reset: true,
      },
      handler,
    );
  });
}

function statusError(statusCode: number, text: string): StatusError {
  let json: { message?: unknown } | null = null;
  try {
    json = JSON.parse(text) as { message?: unknown };
  } catch {
    json = text.trim() ? { message: text.trim() } : null;
  }
  const message = typeof json?.message === 'string' ? json.message : `HTTP ${statusCode}`;
  return Object.assign(new Error(message), { statusCode, json });
}

function aborted(signal: AbortSignal): Error {
  return Object.assign(new Error('the request was cancelled', { cause: signal.reason as unknown }), { name: 'AbortError' });
}

/** undici's own codes mean nothing to the failure mapping: a connection that timed out or was lost half-way is named as node names it. */
function plainError(error: Error): Error {
  const code = (error as { code?: unknown }).code;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return Object.assign(new Error('the engine did not accept the connection in time'), { code: 'ETIMEDOUT' });
  if (typeof code === 'string' && code.startsWith('HPE_')) return new Error("the engine's answer is not HTTP");
  if (typeof code === 'string' && code.startsWith('UND_ERR')) {
    return Object.assign(new Error('the engine closed the connection before the answer was complete'), { code: 'ECONNRESET' });
  }
  return error;
}

/** The body in buffers from the pool; a full stream pauses the connection until the reader catches up. */
class ResponseBody extends Readable {
  #buffer: Buffer;
  #fill = 0;

  constructor(
    private readonly resumeSource: () => void,
    private readonly pool: BufferPool,
  ) {
    super({ highWaterMark: 4 * pool.size });
    this.#buffer = pool.take();
  }

  accept(bytes: Buffer): boolean {
    let more = true;
    for (let at = 0; at < bytes.length; ) {
      const copied = bytes.copy(this.#buffer, this.#fill, at);
      at += copied;
      this.#fill += copied;
      if (this.#fill === this.#buffer.length) {
        more = this.push(this.#buffer);
        this.#buffer = this.pool.take();
        this.#fill = 0;
      }
    }
    return more;
  }

  finish(): void {
    if (this.#fill > 0) this.push(this.#buffer.subarray(0, this.#fill));
    this.push(null);
  }

  override _read(): void {
    this.resumeSource();
  }
}
