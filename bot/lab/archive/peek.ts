import { read } from 'node:fs';
import { Readable } from 'node:stream';
import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { codeOf } from '../../core/error-code.js';
import { fail, ok, type Result } from '../../core/result.js';
import { shown } from '../actions.js';
import { Pieces } from '../pieces.js';
import { parseNormalizedNamed } from '../reference.js';
import { HashFollower } from './hash-follower.js';
import { Meter, type OnProgress } from './progress.js';
import { fileSource, indexTar, streamSource, type TarError, type TarIndex } from './tar-index.js';

export type PeekError = TarError | 'lab.load.notImages' | 'lab.load.missingPart' | 'lab.load.read';

/** One image an archive carries: its id (the config digest) and the tags it will set. */
export interface ArchiveImage {
  readonly id: string;
  readonly tags: readonly string[];
}

export interface Peek {
  readonly gzip: boolean;
  readonly images: readonly ArchiveImage[];
  /** A gzip archive is read whole to be checked, so its sha256 comes for free; a plain one is not. */
  readonly sha256?: string | undefined;
  /** Where the tar's end-of-archive blocks start (in the file, for a plain archive). */
  readonly end: number;
}

const CONFIG_NAME = /([0-9a-f]{64})(?:\.json)?$/;

/** `docker save`'s manifest.json, in both the legacy layout and the OCI one of Docker ≥ 25. */
const manifestSchema = z
  .array(
    z.object({
      // The config's name is the image id: `<id>.json` (legacy layout) or `blobs/sha256/<id>` (OCI).
      Config: z.string().regex(CONFIG_NAME),
      // docker load would refuse a tag outside the reference grammar; refusing it first keeps such text off every screen.
      RepoTags: z.array(z.string().refine((tag) => parseNormalizedNamed(tag).ok)).nullish(),
      Layers: z.array(z.string()),
    }),
  )
  .min(1);

const MANIFEST = 'manifest.json';

/**
 * What an archive holds, found without writing anything: the images of its manifest.json, every
 * part the manifest names checked to be present, and the tar (and gzip) framing checked to the
 * end. A plain tar is indexed by its headers alone; a gzip one is decompressed through.
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
      // The hashing thread reads the file beside the decompression here.
      const follower = new HashFollower(handle.fd);
      try {
        follower.available(bytes);
        const gunzip = createGunzip();
        const piping = pipeline(readFrom(handle), new Meter('check', bytes, onProgress), gunzip);
        piping.catch(() => undefined);
        const source = streamSource(gunzip);
        index = await indexTar(source, new Set([MANIFEST]));
        if (!index.ok) {
          gunzip.destroy();
          return index;
        }
        await source.rest();
        await piping;
        sha256 = await follower.digest(bytes);
      } finally {
        await follower.stop();
      }
    } else {
      index = await indexTar(fileSource(handle, bytes), new Set([MANIFEST]));
      if (!index.ok) return index;
    }
  } catch (error) {
    return fail(streamFailure(error), { reason: String((error as Error | undefined)?.message ?? error).slice(0, 200) });
  }
  return imagesOf(index.value, gzip, sha256);
}

function imagesOf(index: TarIndex, gzip: boolean, sha256: string | undefined): Result<Peek, PeekError> {
  const manifest = index.files.get(MANIFEST);
  if (!manifest) return fail('lab.load.notImages');
  let parsed: z.infer<typeof manifestSchema>;
  try {
    const checked = manifestSchema.safeParse(JSON.parse(manifest.toString('utf8')));
    if (!checked.success) return fail('lab.load.notImages');
    parsed = checked.data;
  } catch {
    return fail('lab.load.notImages');
  }
  for (const image of parsed) {
    const missing = [image.Config, ...image.Layers].find((part) => !index.names.has(part.replace(/^\.\//, '')));
    if (missing !== undefined) return fail('lab.load.missingPart', { part: shown(missing) });
  }
  return ok({ gzip, sha256, end: index.end, images: parsed.map((image) => ({ id: configId(image.Config), tags: image.RepoTags ?? [] })) });
}

/**
 * The archive from its first byte, leaving the handle open for the next pass, in pieces from
 * `pieces` when the reader gives them back (a load), or new ones otherwise.
 */
export function readFrom(handle: FileHandle, pieces = Pieces.unkept()): Readable {
  let position = 0;
  return new Readable({
    highWaterMark: 4 * pieces.size,
    read() {
      const piece = pieces.take();
      read(handle.fd, piece, 0, piece.length, position, (error, bytes) => {
        if (error) return this.destroy(error);
        position += bytes;
        this.push(bytes === 0 ? null : piece.subarray(0, bytes));
      });
    },
  });
}

/** `abc….json` (legacy) or `blobs/sha256/abc…` (OCI) → the image id the engine will report. */
const configId = (config: string): string => `sha256:${CONFIG_NAME.exec(config)![1]}`;

/** zlib's "unexpected end of file" is a cut-off download; any other zlib error is damage. */
function streamFailure(error: unknown): PeekError {
  const code = codeOf(error);
  if (code === 'Z_BUF_ERROR') return 'lab.load.truncated';
  if (code.startsWith('Z_')) return 'lab.load.corrupt';
  return 'lab.load.read';
}
