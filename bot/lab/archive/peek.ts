import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { codeOf } from '../../core/error-code.js';
import { fail, ok, type Result } from '../../core/result.js';
import { HashingReader } from './hash-thread.js';
import { isKept, readLayout, type ArchiveImage, type ArchiveReading } from './archive-reading.js';
import type { LayoutError } from './docker-layout.js';
import { Meter, type OnProgress } from './progress.js';
import { fileSource, indexTar, streamSource, type TarError, type TarIndex } from './tar-index.js';

/** zlib's default 16 KB pieces cost one async step each; a 4 GB entry took a minute to read past. */
export const GUNZIP_CHUNK_BYTES = 1 << 20;

export type PeekError = TarError | LayoutError | 'lab.load.read';

export type { ArchiveImage };

export interface Peek {
  readonly gzip: boolean;
  readonly images: readonly ArchiveImage[];
  /** A gzip archive is read whole to be checked, so its sha256 comes for free; a plain one is not. */
  readonly sha256?: string | undefined;
  /** What the plan was computed from; the load insists on reading the same. */
  readonly reading: ArchiveReading;
}

/**
 * What an archive holds, found without writing anything: the images of its manifest.json (and
 * OCI index), every part they name checked to be present, and the tar (and gzip) framing checked
 * to the end. A plain tar is indexed by its headers alone; a gzip one is decompressed through.
 */
export async function peekArchive(handle: FileHandle, bytes: number, onProgress?: OnProgress): Promise<Result<Peek, PeekError>> {
  let gzip: boolean;
  let sha256: string | undefined;
  let index: Result<TarIndex, TarError>;
  try {
    const magic = Buffer.alloc(2);
    await handle.read(magic, 0, 2, 0);
    gzip = magic[0] === 0x1f && magic[1] === 0x8b;
    if (gzip) {
      // Hashed as read: the digest is of the very bytes the plan comes from.
      const file = new HashingReader(handle.fd);
      const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
      const piping = pipeline(Readable.from(file), new Meter('check', bytes, onProgress), gunzip);
      piping.catch(() => undefined);
      const source = streamSource(gunzip);
      index = await indexTar(source, isKept);
      if (!index.ok) {
        gunzip.destroy();
        return index;
      }
      await source.rest();
      await piping;
      sha256 = file.sha256;
    } else {
      index = await indexTar(fileSource(handle, bytes), isKept);
      if (!index.ok) return index;
    }
  } catch (error) {
    return fail(streamFailure(error), { reason: String((error as Error | undefined)?.message ?? error).slice(0, 200) });
  }
  const reading = readLayout(index.value);
  if (!reading.ok) return reading;
  return ok({ gzip, sha256, images: reading.value.images, reading: reading.value });
}

/** zlib's "unexpected end of file" is a cut-off download; any other zlib error is damage. */
export function streamFailure(error: unknown): PeekError {
  const code = codeOf(error);
  if (code === 'Z_BUF_ERROR') return 'lab.load.truncated';
  if (code.startsWith('Z_')) return 'lab.load.corrupt';
  return 'lab.load.read';
}
