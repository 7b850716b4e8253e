import { Readable } from 'node:stream';
import type { Pieces } from './pieces.js';

/*
 * The reading half of the engine wire: one HTTP/1.1 response parsed as its bytes arrive, its body
 * copied into pieces as it goes.
 */

/** What a status other than 2xx is turned into: the shape docker-modem gives, for the same failure mapping. */
export interface StatusError extends Error {
  readonly statusCode: number;
  readonly json: { message?: unknown } | null;
}

const HEAD_MAX_BYTES = 64 << 10;
const ERROR_BODY_MAX_BYTES = 64 << 10;
/** A chunk-size or trailer line is a few characters; anything this long is not HTTP. */
const LINE_MAX_CHARS = 4096;

type Framing = { kind: 'length'; left: number } | { kind: 'chunked' } | { kind: 'close' };

/** Parses one response as its bytes arrive: the head, then the body by its framing. */
export class Response {
  readonly body: Body;
  onHead: (status: number) => void = () => undefined;
  onError: (error: Error) => void = () => undefined;
  onEnd: () => void = () => undefined;
  started = false;
  #head: Buffer = Buffer.alloc(0);
  #status = 0;
  #framing: Framing = { kind: 'close' };
  #chunk: 'size' | 'data' | 'dataEnd' | 'trailer' = 'size';
  #line = '';
  #left = 0;
  #ended = false;
  #errorText: Buffer[] = [];
  #errorBytes = 0;

  constructor(resume: () => void, pieces: Pieces) {
    this.body = new Body(resume, pieces);
  }

  get #ok(): boolean {
    return this.#status >= 200 && this.#status < 300;
  }

  receive(bytes: Buffer): boolean {
    if (this.#ended) return true;
    let rest = bytes;
    if (!this.started) {
      const head = Buffer.concat([this.#head, bytes]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > HEAD_MAX_BYTES) this.#fail(new Error('the engine sent an oversized response head'));
        this.#head = head;
        return true;
      }
      this.started = true;
      if (!this.#readHead(head.subarray(0, end).toString('latin1'))) return true;
      rest = head.subarray(end + 4);
      this.onHead(this.#status);
    }
    return this.#bodyBytes(rest);
  }

  /** The connection closed: the end of a body that runs to the close, or a cut-off one. */
  closed(reject: (error: Error) => void): void {
    if (this.#ended) return;
    if (this.started && this.#framing.kind === 'close') {
      this.#end();
      return;
    }
    this.fail(Object.assign(new Error('the engine closed the connection before the answer was complete'), { code: 'ECONNRESET' }), reject);
  }

  fail(error: Error, reject: (error: Error) => void): void {
    if (this.#ended) return;
    this.#ended = true;
    if (this.started && this.#ok) this.body.destroy(error);
    else reject(error);
  }

  #fail(error: Error): void {
    this.fail(error, this.onError);
  }

  #readHead(text: string): boolean {
    const [statusLine = '', ...lines] = text.split('\r\n');
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (!status) {
      this.#fail(new Error(`the engine's answer is not HTTP: ${statusLine.slice(0, 60)}`));
      return false;
    }
    this.#status = Number(status[1]);
    const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    const length = headers.get('content-length');
    if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) this.#framing = { kind: 'chunked' };
    else if (length !== undefined) this.#framing = { kind: 'length', left: Number(length) };
    if (this.#framing.kind === 'length' && this.#framing.left === 0) this.#end();
    return true;
  }

  #bodyBytes(bytes: Buffer): boolean {
    const framing = this.#framing;
    if (framing.kind === 'close') return this.#deliver(bytes);
    if (framing.kind === 'length') {
      const part = bytes.subarray(0, framing.left);
      framing.left -= part.length;
      const more = this.#deliver(part);
      if (framing.left === 0) this.#end();
      return more;
    }
    let more = true;
    let at = 0;
    while (at < bytes.length && !this.#ended) {
      if (this.#chunk === 'data') {
        const part = bytes.subarray(at, at + this.#left);
        at += part.length;
        this.#left -= part.length;
        more = this.#deliver(part);
        if (this.#left === 0) this.#chunk = 'dataEnd';
        continue;
      }
      const newline = bytes.indexOf(10, at);
      const end = newline < 0 ? bytes.length : newline;
      this.#line += bytes.toString('latin1', at, end);
      at = end + 1;
      if (this.#line.length > LINE_MAX_CHARS) {
        this.#fail(Object.assign(new Error('the engine sent a malformed chunk'), { code: 'ECONNRESET' }));
        break;
      }
      if (newline < 0) break;
      const line = this.#line.trim();
      this.#line = '';
      this.#chunkLine(line);
    }
    return more;
  }

  /** A whole line of the chunked framing: a size, the end of a piece, or the trailer. */
  #chunkLine(line: string): void {
    if (this.#chunk === 'dataEnd') {
      this.#chunk = 'size';
      return;
    }
    if (this.#chunk === 'trailer') {
      if (line === '') this.#end();
      return;
    }
    const size = Number.parseInt(line.split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size < 0) {
      this.#fail(Object.assign(new Error('the engine sent a malformed chunk'), { code: 'ECONNRESET' }));
      return;
    }
    this.#left = size;
    this.#chunk = size === 0 ? 'trailer' : 'data';
  }

  #deliver(bytes: Buffer): boolean {
    if (bytes.length === 0) return true;
    if (this.#ok) return this.body.accept(bytes);
    if (this.#errorBytes < ERROR_BODY_MAX_BYTES) {
      this.#errorText.push(Buffer.from(bytes));
      this.#errorBytes += bytes.length;
    }
    return true;
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    if (this.#ok) this.body.finish();
    else this.onError(statusError(this.#status, Buffer.concat(this.#errorText).toString('utf8')));
    this.onEnd();
  }
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

/** The body in pieces (1 MB unless the caller's pool says otherwise); a full buffer pauses the connection until the reader catches up. */
class Body extends Readable {
  #piece: Buffer;
  #fill = 0;

  readonly #resumeSource: () => void;

  constructor(
    resumeSource: () => void,
    private readonly pieces: Pieces,
  ) {
    super({ highWaterMark: 4 * pieces.size });
    this.#resumeSource = resumeSource;
    this.#piece = pieces.take();
  }

  accept(bytes: Buffer): boolean {
    let more = true;
    for (let at = 0; at < bytes.length; ) {
      const copied = bytes.copy(this.#piece, this.#fill, at);
      at += copied;
      this.#fill += copied;
      if (this.#fill === this.#piece.length) {
        more = this.push(this.#piece);
        this.#piece = this.pieces.take();
        this.#fill = 0;
      }
    }
    return more;
  }

  finish(): void {
    if (this.#fill > 0) this.push(this.#piece.subarray(0, this.#fill));
    this.push(null);
  }

  override _read(): void {
    this.#resumeSource();
  }
}
