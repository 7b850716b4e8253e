import { Writable, type Duplex, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Response } from './engine-wire-response.js';
import { Pieces } from './pieces.js';

export type { StatusError } from './engine-wire-response.js';

/*
 * HTTP/1.1 for the engine's two bulk calls (export and load) on a connection of our own. The engine
 * answers an export in chunks of a few kB; through docker-modem and node:http each becomes a stream
 * chunk, which costs about 0.35 s per 320 MB (measured), more than the whole gap to the docker CLI.
 * Here the bytes are copied straight into 1 MB pieces and only those travel on. One request per
 * connection, so no pooling or keep-alive.
 */

/** Bytes as they are read; `bytes` is valid only during the call. Returning false pauses the connection until it is resumed. */
export type Receive = (bytes: Buffer) => boolean;

/** Opens a connection to the engine that hands what it reads to `receive`; the signal tears it down. */
export type Connect = (receive: Receive, signal: AbortSignal) => Promise<Duplex>;

export interface WireRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query, already encoded. */
  readonly path: string;
  /** The Host header: the engine ignores it, proxies may not. */
  readonly host: string;
  /** Sent with chunked transfer encoding, as it comes. */
  readonly body?: NodeJS.ReadableStream | undefined;
}

export interface WireHooks {
  /** Aborting it tears the connection down; the failure carries the signal's reason as its cause. */
  readonly signal: AbortSignal;
  /** Every read and every piece of the body sent: the caller's idle timer. */
  readonly onActivity: () => void;
  /** Where the response body's pieces come from, and where the request body's go back once sent. */
  readonly pieces?: Pieces | undefined;
}

/**
 * Sends `request` and resolves with the response body once a 2xx status line and headers have
 * arrived. The body ends when the response does; a connection that closes before that errors it.
 */
export async function exchange(connect: Connect, request: WireRequest, hooks: WireHooks): Promise<Readable> {
  const { signal, onActivity, pieces = Pieces.unkept() } = hooks;
  if (signal.aborted) throw aborted(signal);
  let socket: Duplex | undefined;
  const response = new Response(() => socket?.resume(), pieces);
  socket = await connect((bytes) => {
    onActivity();
    return response.receive(bytes);
  }, signal);
  const connection = socket;

  return new Promise<Readable>((resolve, reject) => {
    const failed = (error: Error) => {
      connection.destroy();
      response.fail(error, reject);
    };
    const onAbort = () => failed(aborted(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    response.onHead = (status) => {
      if (status >= 200 && status < 300) resolve(response.body);
    };
    response.onError = (error) => {
      connection.destroy();
      reject(error);
    };
    response.onEnd = () => {
      signal.removeEventListener('abort', onAbort);
      connection.destroy();
    };
    connection.on('error', failed);
    connection.on('close', () => {
      signal.removeEventListener('abort', onAbort);
      response.closed(reject);
    });
    response.body.on('close', () => connection.destroy());
    // The body can fail in the very read that completes the head, before the caller has it; the
    // error stays on the stream (`errored`) for the caller's pipeline, instead of crashing the process.
    response.body.on('error', () => undefined);

    connection.write(requestHead(request));
    if (request.body) {
      const upload = chunked(connection, onActivity, pieces);
      connection.once('close', () => upload.destroy());
      pipeline(request.body, upload).catch((error: Error) => {
        if (!response.started) failed(error);
      });
    }
  });
}

function requestHead(request: WireRequest): string {
  const lines = [`${request.method} ${request.path} HTTP/1.1`, `Host: ${request.host}`, 'User-Agent: gorae', 'Connection: close'];
  if (request.body) lines.push('Content-Type: application/x-tar', 'Transfer-Encoding: chunked');
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** The request body in HTTP chunks, each piece as it comes from the file. */
function chunked(socket: Duplex, onActivity: () => void, pieces: Pieces): Writable {
  return new Writable({
    highWaterMark: Pieces.SIZE,
    write(chunk: Buffer, _encoding, done) {
      onActivity();
      socket.cork();
      socket.write(`${chunk.length.toString(16)}\r\n`);
      socket.write(chunk, () => pieces.give(chunk));
      const room = socket.write('\r\n');
      socket.uncork();
      if (room) done();
      else socket.once('drain', () => done());
    },
    final(done) {
      socket.write('0\r\n\r\n', (error) => done(error ?? null));
    },
  });
}

function aborted(signal: AbortSignal): Error {
  return Object.assign(new Error('the request was cancelled', { cause: signal.reason as unknown }), { name: 'AbortError' });
}
