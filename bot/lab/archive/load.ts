import type { FileHandle } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fail, ok, type Result } from '../../core/result.js';
import type { EngineError } from '../engine.js';
import { displayName, sidecarName, type FileError } from '../exchange.js';
import { Pieces } from '../pieces.js';
import { acquireBusy, type BusyError } from './busy.js';
import { sidecarDigest } from './checksum.js';
import { HashFollower } from './hash-follower.js';
import { peekArchive, readFrom, type ArchiveImage, type PeekError } from './peek.js';
import { Meter } from './progress.js';
import type { ArchivePorts } from './save.js';

export type LoadError =
  | EngineError
  | FileError
  | BusyError
  | PeekError
  | 'lab.load.checksum'
  | 'lab.load.badSidecar'
  | 'lab.load.unconfirmed'
  | 'lab.load.declined';

export interface LoadRequest {
  readonly file: string;
  /** Skip the question (`--yes`). */
  readonly yes: boolean;
}

/** A tag the archive moves from one image to another. */
export interface Replacement {
  readonly tag: string;
  readonly currentId: string;
  readonly incomingId: string;
}

/** What the user is asked to agree to before anything reaches the engine. */
export interface LoadPlan {
  readonly host: string;
  readonly file: string;
  readonly bytes: number;
  readonly gzip: boolean;
  readonly images: readonly ArchiveImage[];
  readonly replaced: readonly Replacement[];
  /**
   * `verified`: a `.sha256` companion matched already (gzip archives are read whole first);
   * `pending`: it is matched while the archive streams in; `absent`: there is none.
   */
  readonly checksum: 'verified' | 'pending' | 'absent';
}

export type Confirm = (plan: LoadPlan) => Promise<boolean>;

export interface LoadReport extends LoadPlan {
  /** What the engine reports it loaded: tags, or image ids for untagged images. */
  readonly loaded: readonly string[];
  readonly durationMs: number;
  readonly throughput: number;
}

/**
 * `docker load` through Gorae: the archive is checked first (framing, manifest, and for gzip the
 * checksum) and what it would change is shown; after a yes, it is streamed into the engine as it
 * is on disk (the engine unpacks gzip itself), a plain archive's checksum matched on the way.
 */
export async function loadArchive(
  request: LoadRequest,
  ports: ArchivePorts & { readonly confirm?: Confirm | undefined },
): Promise<Result<LoadReport, LoadError>> {
  const { engine, exchange, clock } = ports;
  const opened = await exchange.open(request.file);
  if (!opened.ok) return opened;
  const { handle, bytes } = opened.value;
  try {
    const root = await exchange.root();
    if (!root.ok) return root;
    const busy = await acquireBusy(root.value, { host: engine.host, action: 'load', file: request.file, who: ports.who }, clock);
    if (!busy.ok) return busy;
    try {
      const sidecar = await exchange.readSidecar(request.file);
      if (!sidecar.ok) return sidecar;
      const expected = sidecar.value === undefined ? undefined : sidecarDigest(sidecar.value, request.file);
      if (sidecar.value !== undefined && expected === undefined) {
        return fail('lab.load.badSidecar', { file: displayName(sidecarName(request.file)) });
      }

      const peek = await peekArchive(handle, bytes, ports.onProgress);
      if (!peek.ok) return fail(peek.error.id, { ...peek.error.vars, file: displayName(request.file) });
      const { gzip, sha256, images } = peek.value;
      if (expected !== undefined && sha256 !== undefined && expected !== sha256) {
        return fail('lab.load.checksum', { file: displayName(request.file), expected, actual: sha256 });
      }

      const replaced = await replacements(images, ports);
      if (!replaced.ok) return replaced;
      const checksum = expected === undefined ? 'absent' : sha256 === undefined ? 'pending' : 'verified';
      const plan: LoadPlan = { host: engine.host, file: request.file, bytes, gzip, images, replaced: replaced.value, checksum };
      if (!request.yes) {
        if (!ports.confirm) return fail('lab.load.unconfirmed', { file: displayName(request.file) });
        if (!(await ports.confirm(plan))) return fail('lab.load.declined', { file: displayName(request.file) });
      }

      const started = clock.now().getTime();
      const pending = checksum === 'pending' ? expected : undefined;
      const loaded = await send(handle, { file: request.file, bytes, end: peek.value.end, expected: pending }, ports);
      if (!loaded.ok) return loaded;
      const durationMs = Math.max(1, clock.now().getTime() - started);
      return ok({
        ...plan,
        checksum: checksum === 'absent' ? 'absent' : 'verified',
        loaded: loaded.value.map((line) => line.replace(/^Loaded image( ID)?:\s*/, '')),
        durationMs,
        throughput: Math.round((bytes * 1000) / durationMs),
      });
    } finally {
      await busy.value();
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Streams the archive into the engine as it is on disk. With `expected`, a hashing thread reads the
 * file beside the upload and the end-of-archive marker waits for its digest.
 */
async function send(
  handle: FileHandle,
  archive: { readonly file: string; readonly bytes: number; readonly end: number; readonly expected: string | undefined },
  ports: ArchivePorts,
): Promise<Result<string[], LoadError>> {
  const { file, bytes, end, expected } = archive;
  const counted = new Meter('load', bytes, ports.onProgress);
  // Each piece read from the file comes back once the connection has taken it.
  const pieces = Pieces.forStream();
  const follower = expected === undefined ? undefined : new HashFollower(handle.fd);
  try {
    let mismatch: string | undefined;
    follower?.available(bytes);
    const guard = follower && new Guard(expected!, end, () => follower.digest(bytes), (actual) => (mismatch = actual));
    const upload = guard ?? counted;
    // A read error or a mismatch errors `upload`, which breaks the request off; the engine reports it.
    const reader = readFrom(handle, pieces);
    void (guard ? pipeline(reader, counted, guard) : pipeline(reader, counted)).catch(() => undefined);
    const loaded = await ports.engine.importImages(upload, ports.signal ?? new AbortController().signal, pieces);
    upload.destroy();
    if (mismatch !== undefined) return fail('lab.load.checksum', { file: displayName(file), expected: expected!, actual: mismatch });
    return loaded;
  } finally {
    await follower?.stop();
  }
}

/** The tar's end-of-archive marker: two zero blocks. */
const MARKER_BYTES = 1024;

/**
 * The archive as the engine receives it when a checksum is to be matched on the way: the
 * end-of-archive marker is held back until the whole file is hashed. On a mismatch the upload breaks
 * off after the last entry, and the engine, which unpacks a whole archive before it adds any image,
 * keeps nothing. Bytes after the marker (padding, junk) are hashed but not sent: tar stops there.
 */
class Guard extends Transform {
  readonly #marker: Buffer[] = [];
  #offset = 0;

  constructor(
    private readonly expected: string,
    private readonly markerAt: number,
    private readonly digest: () => Promise<string>,
    private readonly onMismatch: (actual: string) => void,
  ) {
    super({ highWaterMark: 1 << 20 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const start = this.#offset;
    this.#offset += chunk.length;
    if (start < this.markerAt) this.push(this.#offset <= this.markerAt ? chunk : chunk.subarray(0, this.markerAt - start));
    const from = Math.max(start, this.markerAt) - start;
    const to = Math.min(this.#offset, this.markerAt + MARKER_BYTES) - start;
    // A copy: the chunk itself goes back to the pool once sent.
    if (to > from) this.#marker.push(Buffer.from(chunk.subarray(from, to)));
    done();
  }

  override _flush(done: TransformCallback): void {
    this.digest().then(
      (actual) => {
        if (actual === this.expected) return done(null, Buffer.concat(this.#marker));
        this.onMismatch(actual);
        done(new Error('the archive does not match its .sha256 file'));
      },
      (error: Error) => done(error),
    );
  }
}

/** Each incoming tag that already names a different image on the host. */
async function replacements(images: readonly ArchiveImage[], ports: ArchivePorts): Promise<Result<Replacement[], EngineError>> {
  const replaced: Replacement[] = [];
  for (const image of images) {
    for (const tag of image.tags) {
      const current = await ports.engine.inspectImage(tag);
      if (!current.ok) {
        if (current.error.id === 'lab.image.missing') continue;
        return current;
      }
      if (current.value.Id !== image.id) replaced.push({ tag, currentId: current.value.Id, incomingId: image.id });
    }
  }
  return ok(replaced);
}
