import { Worker } from 'node:worker_threads';
import { whenSent } from '../sent.js';

/*
 * sha256 runs at about 1.5 GB/s here, so hashing a 320 MB archive on the event loop adds ~0.2 s to
 * every save and load, and the engine holds the other core meanwhile (measured). A worker thread
 * hashes beside the stream instead. For a save it reads the file back (from the page cache) as it
 * is written, so the digest is also that of what is really in the file. For a load it is the one
 * that reads the archive, into a ring of slots shared with the reader: each piece is hashed there,
 * and the reader hands on views of the very bytes hashed. Posting each piece instead cost two
 * copies into new memory per megabyte, which this virtual machine faults in at ~0.3 s per 320 MB
 * each (measured: 1.3 CPU-s per load against 0.75 with the ring).
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
let pieces = 0;
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
// Reading a file to its end into the ring: one piece per credit (a slot given back), each hashed,
// then announced by its length; the reader knows the slot, as pieces go round in order.
function read(message) {
  credits += message.credit;
  while (credits > 0 && end < 0) {
    const slot = (pieces % workerData.slots) * workerData.pieceBytes;
    const piece = Buffer.from(workerData.ring, slot, workerData.pieceBytes);
    const read = readSync(workerData.fd, piece, 0, piece.length, hashed);
    if (read === 0) {
      end = hashed;
      parentPort.postMessage({ digest: hash.digest('hex') });
      return;
    }
    hash.update(piece.subarray(0, read));
    hashed += read;
    pieces += 1;
    credits -= 1;
    parentPort.postMessage({ length: read });
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

type Reply = { digest: string } | { length: number } | { error: string; code?: string };

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

/** Slots in the ring: pieces read ahead of the parser, or lent to the connection until sent. */
const SLOTS = 8;

/**
 * The file behind `fd` from its first byte to its end, in pieces of `pieceBytes`, each hashed on a
 * worker thread before it is handed on; `sha256` is known once the last piece was taken. A piece is
 * a view of the ring, left as it is until the reader has taken the next one and every part of it
 * lent to a connection (`lend`) is sent. Iterating gives copies instead, for readers that keep what
 * they are given (a gunzip). The handle stays open for the caller; `stop` ends the thread.
 */
export class HashingReader implements AsyncIterable<Buffer> {
  readonly #worker: Worker;
  readonly #arrived: Buffer[] = [];
  #wake: (() => void) | undefined;
  #failure: Error | undefined;
  #sha256: string | undefined;
  #taken = 0;
  #given = 0;
  #lent = 0;

  constructor(fd: number, pieceBytes = 1 << 20) {
    const ring = new SharedArrayBuffer(SLOTS * pieceBytes);
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd, pieceBytes, ring, slots: SLOTS } });
    this.#worker.on('message', (reply: Reply) => {
      if ('length' in reply) {
        const slot = (this.#taken + this.#arrived.length) % SLOTS;
        this.#arrived.push(Buffer.from(ring, slot * pieceBytes, reply.length));
      } else if ('digest' in reply) this.#sha256 = reply.digest;
      else return this.#fail(failure(reply));
      this.#wake?.();
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.postMessage({ credit: SLOTS });
  }

  /** The sha256 of every byte read, in hex, once the last piece was taken. */
  get sha256(): string | undefined {
    return this.#sha256;
  }

  /** The next piece, or undefined at the end. */
  async next(): Promise<Buffer | undefined> {
    while (this.#arrived.length === 0 && this.#sha256 === undefined && !this.#failure) {
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
    if (this.#failure) throw this.#failure;
    const piece = this.#arrived.shift();
    if (piece) {
      this.#taken += 1;
      this.#giveBack();
    }
    return piece;
  }

  /** `part` of the latest piece goes to a connection that tells when it is sent (sent.ts); its slot waits for that. */
  lend(part: Buffer): Buffer {
    this.#lent += 1;
    whenSent(part, () => {
      this.#lent -= 1;
      this.#giveBack();
    });
    return part;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    try {
      for (let piece = await this.next(); piece; piece = await this.next()) yield Buffer.from(piece);
    } finally {
      await this.stop();
    }
  }

  /** Ends the thread; a reader waiting for a piece fails. */
  async stop(): Promise<void> {
    this.#fail(new Error('the archive is no longer read'));
    await this.#worker.terminate();
  }

  /** Every piece but the latest is read through; once nothing lent is unsent, their slots may be read into again. */
  #giveBack(): void {
    const done = this.#taken - 1;
    if (this.#lent > 0 || done <= this.#given) return;
    this.#worker.postMessage({ credit: done - this.#given });
    this.#given = done;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#wake?.();
  }
}
