import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';

/*
 * sha256 runs at about 1.5 GB/s here, so hashing a 320 MB archive on the event loop adds ~0.2 s to
 * every save and load, and the engine holds the other core meanwhile (measured). A worker thread
 * hashes beside the stream instead. For a save it reads the file back (from the page cache) as it
 * is written, so the digest is also that of what is really in the file. For a load it is the one
 * that reads the archive: each piece is hashed, then posted (the message copies it before the
 * buffer is read into again), so what the engine gets are the very bytes hashed. Transferring the
 * buffers instead saves that copy but leaves ~50 MB more of them waiting for a collection.
 *
 * The worker's code is text: a worker started from a .ts file would need a TypeScript loader
 * wherever Gorae runs from source (tsx, vitest), and this code is small and has no imports of ours.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(4 << 20);
let hashed = 0;
let available = 0;
let end = -1;
let credits = 0;
let pieceBuffer;
function report(error) {
  parentPort.postMessage({ error: String(error && error.message || error), code: error && error.code });
}
// Following a file being written: hash what is known to be there.
function follow(message) {
  if (message.end !== undefined) end = message.end;
  else available = Math.max(available, message.available);
  const target = end >= 0 ? end : available;
  while (hashed < target) {
    const read = readSync(workerData.fd, buffer, 0, Math.min(buffer.length, target - hashed), hashed);
    if (read === 0) throw new Error('the file ended at ' + hashed + ' bytes, before ' + target);
    hash.update(buffer.subarray(0, read));
    hashed += read;
  }
  if (end >= 0) parentPort.postMessage({ digest: hash.digest('hex') });
}
// Reading a file to its end into one buffer: one piece per credit, each hashed, then posted (copied).
function read(message) {
  credits += message.credit;
  while (credits > 0 && end < 0) {
    const piece = pieceBuffer ??= Buffer.allocUnsafeSlow(workerData.pieceBytes);
    const read = readSync(workerData.fd, piece, 0, piece.length, hashed);
    if (read === 0) {
      end = hashed;
      parentPort.postMessage({ digest: hash.digest('hex') });
      return;
    }
    hash.update(piece.subarray(0, read));
    hashed += read;
    credits -= 1;
    parentPort.postMessage({ piece: piece.subarray(0, read) });
  }
}
parentPort.on('message', (message) => {
  try {
    if (message.credit !== undefined) read(message);
    else follow(message);
  } catch (error) {
    report(error);
  }
});
`;

type Reply = { digest: string } | { piece: Uint8Array } | { error: string; code?: string };

/** Hashes the file behind `fd` (open for reading) while it grows, on a worker thread. */
export class HashFollower {
  readonly #worker: Worker;
  readonly #reply: Promise<string>;

  constructor(fd: number) {
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd } });
    this.#reply = new Promise<string>((resolve, reject) => {
      this.#worker.on('message', (reply: Reply) => {
        if ('digest' in reply) resolve(reply.digest);
        else if ('error' in reply) reject(failure(reply));
      });
      this.#worker.on('error', reject);
      this.#worker.on('exit', () => reject(new Error('the hashing thread stopped before the digest')));
    });
    // Until digest() is awaited, a failure waits there rather than going unhandled.
    this.#reply.catch(() => undefined);
  }

  /** The file's first `bytes` are written: they may be hashed now. */
  available(bytes: number): void {
    this.#worker.postMessage({ available: bytes });
  }

  /** The file is complete at `bytes` long: its sha256, in hex. */
  digest(bytes: number): Promise<string> {
    this.#worker.postMessage({ end: bytes });
    return this.#reply;
  }

  /** Ends the thread; call it however the action ends, before the file is closed. */
  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}

const failure = (reply: { error: string; code?: string | undefined }): Error => Object.assign(new Error(reply.error), { code: reply.code });

/** Pieces the thread may read ahead of the stream's reader. */
const AHEAD = 4;

/**
 * The file behind `fd` from its first byte to its end, in pieces of `pieceBytes`, each hashed on a
 * worker thread before it is handed on; `sha256` is known once the stream has ended. The handle
 * stays open for the caller.
 */
export class HashingReader extends Readable {
  readonly #worker: Worker;
  #asked = 0;
  #received = 0;
  #sha256: string | undefined;

  constructor(fd: number, pieceBytes = 1 << 20) {
    super({ highWaterMark: AHEAD * pieceBytes });
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd, pieceBytes } });
    this.#worker.on('message', (reply: Reply) => {
      if ('piece' in reply) {
        this.#received += 1;
        if (this.push(Buffer.from(reply.piece.buffer, reply.piece.byteOffset, reply.piece.length))) this.#ask();
      } else if ('digest' in reply) {
        this.#sha256 = reply.digest;
        this.push(null);
      } else this.destroy(failure(reply));
    });
    this.#worker.on('error', (error) => this.destroy(error));
  }

  /** The sha256 of every byte read, in hex, once the stream has ended. */
  get sha256(): string | undefined {
    return this.#sha256;
  }

  override _read(): void {
    this.#ask();
  }

  #ask(): void {
    const credit = AHEAD - (this.#asked - this.#received);
    if (credit <= 0) return;
    this.#asked += credit;
    this.#worker.postMessage({ credit });
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.#worker.terminate().then(() => done(error), () => done(error));
  }
}
