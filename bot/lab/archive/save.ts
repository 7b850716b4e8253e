import { randomBytes } from 'node:crypto';
import { lstat, open, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Clock } from '../../core/clock.js';
import { codeOf } from '../../core/error-code.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { Engine, EngineError } from '../engine.js';
import { displayName, FILE_NAME_MAX, isGzipName, sidecarName, type Exchange, type FileError } from '../exchange.js';
import { BufferPool } from '../buffer-pool.js';
import { acquireBusy, type BusyError } from './busy.js';
import { sidecarText } from './checksum.js';
import { fileSink, placePair, syncFolder, writeDurably } from './durable.js';
import { HashFollower } from './hash-thread.js';
import { Meter, type OnProgress } from './progress.js';

export type SaveError =
  | EngineError
  | FileError
  | BusyError
  | 'lab.save.exists'
  | 'lab.save.gzipName'
  | 'lab.save.diskFull'
  | 'lab.save.write'
  | 'lab.save.incomplete'
  | 'lab.save.engineLost'
  | 'lab.save.cancelled';

export interface SaveRequest {
  readonly images: readonly string[];
  readonly file?: string | undefined;
  readonly gzip: boolean;
  readonly force: boolean;
}

export interface ArchiveServices {
  readonly engine: Engine;
  readonly exchange: Exchange;
  readonly clock: Clock;
  /** Who asked, as the busy message should name them ("@mina", "root on lab-1"). */
  readonly who: string;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: OnProgress | undefined;
}

export interface SaveReport {
  readonly host: string;
  readonly file: string;
  readonly sidecar: string;
  readonly images: readonly string[];
  /** Bytes of the file on disk (compressed when gzipped). */
  readonly bytes: number;
  /** Bytes the engine sent (the uncompressed archive). */
  readonly rawBytes: number;
  readonly sha256: string;
  readonly durationMs: number;
  /** Bytes from the engine per second. */
  readonly throughput: number;
}

/** Without `--file`: the images' names, as a bare file name (`app_1.2-db_9.tar`). */
export function defaultFileName(images: readonly string[], gzip: boolean): string {
  const stem = images
    .map((ref) => ref.replace(/^.*\//, '').replace(/@sha256:/, '_').replace(/[^A-Za-z0-9._-]/g, '_'))
    .join('-')
    .replace(/^[.-]+/, '');
  const extension = gzip ? '.tar.gz' : '.tar';
  return `${stem.slice(0, FILE_NAME_MAX - extension.length) || 'images'}${extension}`;
}

/**
 * `docker save` through Gorae: every image checked first, then the engine's archive streamed
 * (optionally through gzip) into a hidden temporary file, fsynced and renamed into place with its
 * `.sha256` companion. Whatever goes wrong, the temporary file goes too.
 */
export async function saveImages(request: SaveRequest, services: ArchiveServices): Promise<Result<SaveReport, SaveError>> {
  const { engine, exchange, clock } = services;
  const name = request.file ?? defaultFileName(request.images, request.gzip);
  const gzip = isGzipName(name);
  if (request.gzip && !gzip) return fail('lab.save.gzipName', { file: displayName(name) });

  const slot = await exchange.slot(name);
  if (!slot.ok) return slot;
  if (slot.value.exists && !request.force) return fail('lab.save.exists', { file: name });
  // The companion is replaced only with --force too, and never when it is a folder or a device.
  const companion = await lstat(join(slot.value.dir, sidecarName(name))).catch(() => undefined);
  if (companion && !request.force) return fail('lab.save.exists', { file: sidecarName(name) });
  if (companion && !companion.isFile() && !companion.isSymbolicLink()) return fail('lab.file.notFile', { file: sidecarName(name) });

  const busy = await acquireBusy(slot.value.dir, { host: engine.host, action: 'save', file: name, who: services.who }, clock);
  if (!busy.ok) return busy;
  try {
    let total = 0;
    for (const image of request.images) {
      const found = await engine.inspectImage(image);
      if (!found.ok) return found;
      total += found.value.Size;
    }
    return await writeArchive({ name, dir: slot.value.dir, gzip, total }, request, services);
  } finally {
    await busy.value();
  }
}

/** Dirty pages are written out every this many bytes, so the final fsync does not wait for them all. */
const FLUSH_BYTES = 16 << 20;

interface Target {
  readonly name: string;
  readonly dir: string;
  readonly gzip: boolean;
  /** The images' sizes: what the engine is expected to send, for progress. */
  readonly total: number;
}

async function writeArchive(target: Target, request: SaveRequest, services: ArchiveServices): Promise<Result<SaveReport, SaveError>> {
  const { name, dir, total } = target;
  const { engine, clock } = services;
  const started = clock.now().getTime();
  // The writer's process id in the name lets a later start tell a dead save's leftovers from a live one's.
  const suffix = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const temporary = join(dir, `.${name}.partial-${suffix}`);
  const temporarySidecar = join(dir, `.${sidecarName(name)}.partial-${suffix}`);
  const control = new AbortController();
  const signal = services.signal ? AbortSignal.any([services.signal, control.signal]) : control.signal;
  const cleanup = () => Promise.all([temporary, temporarySidecar].map((path) => unlink(path).catch(() => undefined)));

  let handle: FileHandle | undefined;
  try {
    // Readable too: the hashing thread reads the file back as it is written.
    handle = await open(temporary, 'wx+', 0o640);
  } catch (error) {
    return fail('lab.save.write', { dir, reason: codeOf(error) });
  }
  const follower = new HashFollower(handle.fd);
  try {
    // Without gzip the engine's buffers go straight to the file and come back once written.
    const pool = target.gzip ? undefined : BufferPool.forStream();
    const source = await engine.exportImages(request.images, signal, pool);
    if (!source.ok) return source;

    // tar ends with two zero blocks; an engine that closes early without an error is still caught.
    let tail: Buffer = Buffer.alloc(0);
    const raw = new Meter('save', total, services.onProgress, (chunk) => {
      // A copy: the chunk itself goes back to the pool once written.
      tail = Buffer.from(Buffer.concat([tail, chunk.subarray(-1024)]).subarray(-1024));
    });
    let engineError: unknown;
    source.value.on('error', (error) => (engineError ??= error));
    const file = fileSink(handle, {
      flushBytes: FLUSH_BYTES,
      onWritten: (bytes, chunks) => {
        follower.available(bytes);
        if (pool) for (const chunk of chunks) pool.give(chunk);
      },
    });
    try {
      if (target.gzip) await pipeline(source.value, raw, createGzip(), file.sink, { signal });
      else await pipeline(source.value, raw, file.sink, { signal });
    } catch (error) {
      await file.settled();
      return fail(...streamFailure(error, engineError, services, dir));
    }
    await file.settled();
    if (tail.length < 1024 || tail.some((byte) => byte !== 0)) return fail('lab.save.incomplete', { host: engine.host });

    const [sha256] = await Promise.all([follower.digest(file.written()), handle.sync()]);
    await follower.stop();
    await handle.close();
    handle = undefined;
    await writeDurably(temporarySidecar, sidecarText(sha256, name));
    const placed = await placePair(
      { temporary, target: join(dir, name) },
      { temporary: temporarySidecar, target: join(dir, sidecarName(name)) },
      request.force,
      join(dir, `.${name}.previous-${suffix}`),
    );
    if (!placed.ok) return placed;
    await syncFolder(dir);

    const durationMs = Math.max(1, clock.now().getTime() - started);
    return ok({
      host: engine.host,
      file: name,
      sidecar: sidecarName(name),
      images: request.images,
      bytes: file.written(),
      rawBytes: raw.bytes,
      sha256,
      durationMs,
      throughput: Math.round((raw.bytes * 1000) / durationMs),
    });
  } catch (error) {
    return fail(...streamFailure(error, undefined, services, dir));
  } finally {
    control.abort();
    await follower.stop();
    await handle?.close().catch(() => undefined);
    await cleanup();
  }
}

/** Sorts a failed stream into what the user can act on: cancelled, engine lost, disk full. */
function streamFailure(
  error: unknown,
  engineError: unknown,
  services: ArchiveServices,
  dir: string,
): [SaveError, Record<string, string | number>] {
  const host = services.engine.host;
  if (services.signal?.aborted) return ['lab.save.cancelled', { host }];
  const code = codeOf(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return ['lab.save.diskFull', { dir }];
  if (engineError !== undefined || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    const failure = services.engine.failureOf(engineError ?? error);
    if (failure.id === 'lab.engine.timeout' || failure.id === 'lab.engine.tooSlow') return [failure.id, { ...failure.vars }];
    return ['lab.save.engineLost', { host, reason: String(failure.vars?.reason ?? code) }];
  }
  return ['lab.save.write', { dir, reason: code }];
}
