import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Failure } from '../../core/result.js';
import type { ArchiveReading } from './archive-reading.js';
import { HashingReader } from './hash-thread.js';
import { GUNZIP_CHUNK_BYTES, streamFailure, type PeekError } from './peek.js';
import { Meter, ProgressCount, type OnProgress } from './progress.js';
import { BLOCK, padding, readEntry, streamSource, type TarEntry } from './tar-index.js';

export type CanonicalError = PeekError | 'lab.load.changed' | 'lab.load.checksum';

export interface CanonicalCheck {
  readonly gzip: boolean;
  readonly reading: ArchiveReading;
  /** The `.sha256` companion's digest, when there is one. */
  readonly expected: string | undefined;
  /** The digest the plan's own reading found (gzip archives are read whole for the plan). */
  readonly planned: string | undefined;
}

/**
 * The archive the engine receives: read again from the file's first byte and hashed as read, each
 * entry required to be the one the plan saw (same header, same documents byte for byte), only the
 * entries the images use passed on under headers written here, and the manifest (and OCI index)
 * as the plan parsed them sent last, after the whole file was read and its digest matched. An
 * archive that changed, or a digest that does not match, breaks the upload off before the engine
 * has any manifest to load from, so it keeps nothing.
 */
export function canonicalArchive(
  handle: FileHandle,
  bytes: number,
  check: CanonicalCheck,
  options: { readonly onProgress?: OnProgress | undefined; readonly lend?: boolean } = {},
): { archive: Readable; refusal: () => Failure<CanonicalError> | undefined; sha256: () => string | undefined } {
  // Read and hashed on a thread of its own, which hands on exactly the bytes it hashed.
  const file = new HashingReader(handle.fd);
  let refusal: Failure<CanonicalError> | undefined;
  let sha256: string | undefined;
  async function* guarded(): AsyncGenerator<Buffer> {
    try {
      sha256 = yield* rewrite(file, bytes, check, options);
    } catch (error) {
      refusal = error instanceof Refusal ? error.failure : { id: streamFailure(error), vars: { reason: String((error as Error | undefined)?.message ?? error).slice(0, 200) } };
      throw error;
    }
  }
  const archive = Readable.from(guarded(), { objectMode: false });
  // Ended or torn down half-way (the engine refused, the action was cancelled): the thread ends, and a read waiting for a slot fails.
  archive.once('close', () => void file.stop());
  return { archive, refusal: () => refusal, sha256: () => sha256 };
}

class Refusal extends Error {
  constructor(readonly failure: Failure<CanonicalError>) {
    super(failure.id);
  }
}

/** Pieces passed on at most this big: the engine connection takes them one by one. */
const PIECE_MAX = 1 << 20;

/**
 * A plain archive's pieces come straight from the ring: what is passed on is lent to a connection
 * that reports it sent (`lend`), or else copied. A gzip one goes through a gunzip, whose output is
 * its own.
 */
async function* rewrite(file: HashingReader, bytes: number, check: CanonicalCheck, options: { readonly onProgress?: OnProgress | undefined; readonly lend?: boolean }): AsyncGenerator<Buffer, string> {
  const { reading } = check;
  const gunzip = check.gzip ? createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES }) : undefined;
  const piping = gunzip ? pipeline(Readable.from(file), new Meter('load', bytes, options.onProgress), gunzip) : undefined;
  piping?.catch(() => undefined);
  const source = streamSource(gunzip ?? counted(file, new ProgressCount('load', bytes, options.onProgress)));
  const handOn = (part: Buffer): Buffer => (gunzip ? part : options.lend ? file.lend(part) : Buffer.from(part));
  const changed = new Refusal({ id: 'lab.load.changed' });
  try {
    for (const planned of reading.entries) {
      const entry = await readEntry(source);
      if (!entry.ok) throw new Refusal(entry.error);
      if (entry.value === 'end' || !sameHeader(entry.value, planned)) throw changed;
      const forward = reading.forwarded.has(planned.name);
      const kept = reading.kept.get(planned.name);
      if (forward) yield header(planned);
      if (kept !== undefined) {
        const body = await source.read(padding(planned.size));
        if (body.length < padding(planned.size)) throw new Refusal({ id: 'lab.load.truncated' });
        if (!body.subarray(0, planned.size).equals(kept)) throw changed;
        if (forward) yield body;
        continue;
      }
      for (let left = padding(planned.size); left > 0; ) {
        const part = await source.piece(Math.min(left, PIECE_MAX));
        if (part.length === 0) throw new Refusal({ id: 'lab.load.truncated' });
        left -= part.length;
        if (forward) yield handOn(part);
      }
    }
    const end = await readEntry(source);
    if (!end.ok) throw new Refusal(end.error);
    if (end.value !== 'end') throw changed;
    // Everything after the marker is read too: the digest covers the whole file, gzip trailer included.
    await source.rest();
    await piping;
  } finally {
    gunzip?.destroy();
  }
  const digest = file.sha256;
  if (digest === undefined) throw new Refusal({ id: 'lab.load.read' });
  if (check.planned !== undefined && digest !== check.planned) throw changed;
  if (check.expected !== undefined && digest !== check.expected) throw new Refusal({ id: 'lab.load.checksum', vars: { expected: check.expected, actual: digest } });
  for (const [name, body] of reading.documents) {
    yield header({ name, type: 'file', size: body.length, link: '' });
    yield Buffer.concat([body, Buffer.alloc(padding(body.length) - body.length)]);
  }
  yield Buffer.alloc(2 * BLOCK);
  return digest;
}

/** The ring's pieces as they are taken, counted for progress. */
async function* counted(file: HashingReader, count: ProgressCount): AsyncGenerator<Buffer> {
  for (let piece = await file.next(); piece; piece = await file.next()) {
    count.add(piece.length);
    yield piece;
  }
}

const sameHeader = (a: TarEntry, b: TarEntry): boolean => a.name === b.name && a.type === b.type && a.size === b.size && a.link === b.link;

const TYPE_FLAGS = { file: '0', directory: '5', symlink: '2' } as const;

/** A plain USTAR header of Gorae's own: the name, type, size and link, nothing else of the original. */
export function header(entry: Pick<TarEntry, 'name' | 'type' | 'size' | 'link'>): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(entry.name, 0, 100, 'utf8');
  block.write(entry.type === 'directory' ? '0000755\0' : '0000644\0', 100, 'latin1');
  block.write('0000000\0', 108, 'latin1');
  block.write('0000000\0', 116, 'latin1');
  if (entry.size < 8 ** 11) block.write(`${entry.size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  else {
    // Base-256, as Go writes sizes past 8 GB.
    let value = entry.size;
    for (let at = 135; at > 124; at -= 1, value = Math.floor(value / 256)) block[at] = value % 256;
    block[124] = 0x80;
  }
  block.write('00000000000\0', 136, 'latin1');
  block.fill(0x20, 148, 156);
  block.write(TYPE_FLAGS[entry.type], 156, 'latin1');
  block.write(entry.link, 157, 100, 'utf8');
  block.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}
