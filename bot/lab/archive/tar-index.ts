import type { FileHandle } from 'node:fs/promises';
import { fail, ok, type Result } from '../../core/result.js';

/*
 * A small tar reader that only needs headers: it lists entry names and keeps the few small files it
 * is asked for (manifest.json), skipping every body. On a plain file a skip is free (positional
 * reads), so a 10 GB archive is indexed in milliseconds; on a gzip stream it reads through.
 */

export type TarError = 'lab.load.truncated' | 'lab.load.corrupt' | 'lab.load.notArchive';

/** Where the bytes come from: `read` may return fewer than asked only at the end. */
export interface TarSource {
  read(length: number): Promise<Buffer>;
  skip(length: number): Promise<number>;
}

export interface TarIndex {
  readonly names: ReadonlySet<string>;
  readonly files: ReadonlyMap<string, Buffer>;
  /** Where the end-of-archive blocks start: everything before is entries. */
  readonly end: number;
}

const BLOCK = 512;
const KEEP_MAX_BYTES = 8 << 20;
const PAX_MAX_BYTES = 1 << 20;

export function fileSource(handle: FileHandle, bytes: number): TarSource {
  let position = 0;
  return {
    async read(length) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, bytes - position)));
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      position += filled;
      return buffer.subarray(0, filled);
    },
    async skip(length) {
      const skipped = Math.min(length, bytes - position);
      position += skipped;
      return skipped;
    },
  };
}

/** Pulls from a stream (a gunzip, say); its errors surface from `read`, `skip` and `rest`. */
export function streamSource(stream: AsyncIterable<Buffer>): TarSource & { rest(): Promise<void> } {
  const chunks = stream[Symbol.asyncIterator]();
  let pending: Buffer = Buffer.alloc(0);
  /** Takes up to `length` bytes, handing each piece to `use` (a skip keeps none). */
  const take = async (length: number, use?: (part: Buffer) => void): Promise<number> => {
    let taken = 0;
    while (taken < length) {
      if (pending.length === 0) {
        const next = await chunks.next();
        if (next.done) break;
        pending = next.value;
      }
      const part = pending.subarray(0, length - taken);
      pending = pending.subarray(part.length);
      taken += part.length;
      use?.(part);
    }
    return taken;
  };
  return {
    async read(length) {
      const parts: Buffer[] = [];
      await take(length, (part) => parts.push(part));
      return Buffer.concat(parts);
    },
    skip: (length) => take(length),
    /** Reads to the end, so a gzip trailer (CRC and length) is checked too. */
    async rest() {
      pending = Buffer.alloc(0);
      while (!(await chunks.next()).done);
    },
  };
}

/** Indexes the archive and keeps the entries `keep` names (each at most 8 MB). */
export async function indexTar(source: TarSource, keep: ReadonlySet<string>): Promise<Result<TarIndex, TarError>> {
  const names = new Set<string>();
  const files = new Map<string, Buffer>();
  let longName: string | undefined;
  let pax: Map<string, string> | undefined;
  for (let offset = 0; ; ) {
    const header = await source.read(BLOCK);
    // Smaller than one header, the file never was a tar archive (a note saved as .tar), not a cut copy.
    if (header.length < BLOCK) return fail(offset === 0 ? 'lab.load.notArchive' : 'lab.load.truncated');
    if (header.every((byte) => byte === 0)) return ok({ names, files, end: offset });
    if (!checksumMatches(header)) return fail('lab.load.corrupt');
    const type = String.fromCharCode(header[156]!);
    const size = Number(pax?.get('size') ?? parseSize(header.subarray(124, 136)));
    if (!Number.isSafeInteger(size) || size < 0) return fail('lab.load.corrupt');
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    offset += BLOCK + padded;

    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      if (size > PAX_MAX_BYTES) return fail('lab.load.corrupt');
      const body = await source.read(padded);
      if (body.length < padded) return fail('lab.load.truncated');
      if (type === 'x') pax = parsePax(body.subarray(0, size));
      if (type === 'L') longName = text(body.subarray(0, size));
      continue;
    }
    const name = (pax?.get('path') ?? longName ?? headerName(header)).replace(/^\.\//, '').replace(/\/$/, '');
    pax = undefined;
    longName = undefined;
    names.add(name);
    if (keep.has(name) && size <= KEEP_MAX_BYTES) {
      const body = await source.read(padded);
      if (body.length < padded) return fail('lab.load.truncated');
      files.set(name, body.subarray(0, size));
    } else if ((await source.skip(padded)) < padded) {
      return fail('lab.load.truncated');
    }
  }
}

/** The header checksum: the sum of its bytes with the checksum field itself read as spaces. */
function checksumMatches(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum === parseInt(text(header.subarray(148, 156)).trim() || 'x', 8);
}

/** Octal, or base-256 (high bit set) for sizes over 8 GB, as GNU tar and Go write them. */
function parseSize(field: Buffer): number {
  if (field[0]! & 0x80) {
    let value = field[0]! & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    return value;
  }
  const digits = text(field).trim();
  return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : Number.NaN;
}

function headerName(header: Buffer): string {
  const name = text(header.subarray(0, 100));
  const ustar = header.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = ustar ? text(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** PAX records: `<length> <key>=<value>\n`. */
function parsePax(body: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const length = parseInt(body.subarray(at, space).toString('latin1'), 10);
    if (space < 0 || !(length > 0)) break;
    const record = body.subarray(space + 1, at + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return records;
}

const text = (field: Buffer): string => {
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
};
