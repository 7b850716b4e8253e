import { Worker } from 'node:worker_threads';

/*
 * sha256 runs at about 1.5 GB/s here, so hashing a 320 MB archive on the event loop adds ~0.2 s to
 * every save and load, and the engine holds the other core meanwhile (measured). A worker thread
 * reads the file back (from the page cache) and hashes it beside the stream instead; the digest is
 * then also the digest of what is really in the file.
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
parentPort.on('message', (message) => {
  try {
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
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error), code: error && error.code });
  }
});
`;

type Reply = { digest: string } | { error: string; code?: string };

/** Hashes the file behind `fd` (open for reading) while it grows, on a worker thread. */
export class HashFollower {
  readonly #worker: Worker;
  readonly #reply: Promise<string>;

  constructor(fd: number) {
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd } });
    this.#reply = new Promise<string>((resolve, reject) => {
      this.#worker.on('message', (reply: Reply) =>
        'digest' in reply ? resolve(reply.digest) : reject(Object.assign(new Error(reply.error), { code: reply.code })),
      );
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
