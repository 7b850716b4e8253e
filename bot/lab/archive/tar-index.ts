import type { FileHandle } from 'node:fs/promises';
import { fail, ok, type Result } from '../../core/result.js';
import { shown } from '../actions.js';
import { entryKind, type EntryKind } from './docker-layout.js';

/*
 * A strict tar reader for what `docker save` writes, nothing more: USTAR headers with names from
 * its short list (no prefix field, no GNU long names, no PAX path), regular files, directories and
 * the layer links of the legacy layout, each name once. What the engine would read differently
 * from us (a second manifest under another spelling, a link followed by a path, a PAX name beside
 * a header name) is refused as a foreign entry instead of being interpreted.
 */

export type TarError = 'lab.load.truncated' | 'lab.load.corrupt' | 'lab.load.foreign' | 'lab.load.notArchive';

/** Where the bytes come from: `read` may return fewer than asked only at the end. */
export interface TarSource {
  read(length: number): Promise<Buffer>;
  /** Hands `length` bytes on in the pieces they arrive in (nothing kept); returns how many there were. */
  pass(length: number, use?: (part: Buffer) => void): Promise<number>;
}

export interface TarEntry {
  readonly name: string;
  readonly kind: EntryKind;
  readonly type: 'file' | 'directory' | 'symlink';
  readonly size: number;
  readonly link: string;
}

export interface TarIndex {
  readonly entries: readonly TarEntry[];
  readonly files: ReadonlyMap<string, Buffer>;
  /** Where the end-of-archive blocks start: everything before is entries. */
  readonly end: number;
}

export const BLOCK = 512;
/** PAX records docker save may need (a size past 8 GB, long user names): a few hundred bytes. */
const PAX_MAX_BYTES = 4_096;
/** JSON documents are kept to be read: more than any manifest, index or config docker save writes. */
const KEEP_MAX_BYTES = 4 << 20;
/** All kept documents together: bounds memory whatever the archive holds. */
const KEPT_TOTAL_MAX_BYTES = 64 << 20;
/** PAX keys Go's archive/tar writes for docker save; a name or link in PAX is never needed and never taken. */
const PAX_KEYS = new Set(['size', 'uid', 'gid', 'uname', 'gname', 'mtime', 'atime', 'ctime']);

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
    async pass(length, use) {
      if (use) throw new Error('a file source only skips');
      const skipped = Math.min(length, bytes - position);
      position += skipped;
      return skipped;
    },
  };
}

/** Pulls from a stream (a gunzip, say); its errors surface from `read`, `pass` and `rest`. */
export function streamSource(stream: AsyncIterable<Buffer>): TarSource & { piece(max: number): Promise<Buffer>; rest(): Promise<void> } {
  const chunks = stream[Symbol.asyncIterator]();
  let pending: Buffer = Buffer.alloc(0);
  const pass = async (length: number, use?: (part: Buffer) => void): Promise<number> => {
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
    /** Copied as the bytes arrive: a piece may be read into again once the next is taken (hash-thread.ts). */
    async read(length) {
      const bytes = Buffer.allocUnsafe(length);
      let filled = 0;
      await pass(length, (part) => (filled += part.copy(bytes, filled)));
      return bytes.subarray(0, filled);
    },
    pass,
    /** The next bytes as they arrived, at most `max`, without a copy; empty at the end. */
    async piece(max) {
      if (pending.length === 0) {
        const next = await chunks.next();
        if (next.done) return Buffer.alloc(0);
        pending = next.value;
      }
      const part = pending.subarray(0, max);
      pending = pending.subarray(part.length);
      return part;
    },
    /** Reads to the end, so a gzip trailer (CRC and length) is checked and every byte is hashed. */
    async rest() {
      pending = Buffer.alloc(0);
      while (!(await chunks.next()).done);
    },
  };
}

/**
 * The next entry's header (PAX records folded in), or `end` at the end-of-archive marker. The body
 * is left in the source for the caller.
 */
export async function readEntry(source: TarSource): Promise<Result<TarEntry | 'end', TarError>> {
  let pax: Map<string, string> | undefined;
  for (;;) {
    const header = await source.read(BLOCK);
    if (header.length < BLOCK) return fail('lab.load.truncated');
    if (header.every((byte) => byte === 0)) return ok('end');
    if (!checksumMatches(header)) return fail('lab.load.corrupt');
    const name = text(header.subarray(0, 100));
    const refused = fail('lab.load.foreign', { entry: shown(name).slice(0, 120) });
    const magic = header.subarray(257, 265).toString('latin1');
    if (magic !== 'ustar\u000000' && magic !== 'ustar  \u0000') return refused;
    // The USTAR prefix (or GNU's times there): docker save's names are short and never use it.
    if (header.subarray(345, 500).some((byte) => byte !== 0)) return refused;
    const type = String.fromCharCode(header[156]!);
    const size = Number(pax?.get('size') ?? parseSize(header.subarray(124, 136)));
    if (!Number.isSafeInteger(size) || size < 0) return fail('lab.load.corrupt');
    if (type === 'x') {
      if (pax || size > PAX_MAX_BYTES) return refused;
      const padded = padding(size);
      const body = await source.read(padded);
      if (body.length < padded) return fail('lab.load.truncated');
      pax = parsePax(body.subarray(0, size));
      if (!pax || [...pax.keys()].some((key) => !PAX_KEYS.has(key))) return refused;
      continue;
    }
    const kinds = { '0': 'file', '\u0000': 'file', '5': 'directory', '2': 'symlink' } as const;
    const entryType = kinds[type as keyof typeof kinds];
    if (!entryType) return refused;
    const link = text(header.subarray(157, 257));
    const kind = entryKind(name, entryType, link);
    if (!kind || (entryType !== 'file' && size !== 0)) return refused;
    return ok({ name, kind, type: entryType, size, link });
  }
}

/**
 * Indexes the whole archive strictly and keeps the documents `keep` asks for (JSON the plan reads).
 * Each name may appear once, directories compared without their slash.
 */
export async function indexTar(source: TarSource, keep: (entry: TarEntry) => boolean): Promise<Result<TarIndex, TarError>> {
  const entries: TarEntry[] = [];
  const seen = new Set<string>();
  const files = new Map<string, Buffer>();
  let kept = 0;
  for (let offset = 0; ; ) {
    const entry = await readEntry(source);
    // Smaller than one header, the file never was a tar archive (a note saved as .tar), not a cut copy.
    if (!entry.ok) return offset === 0 && entry.error.id === 'lab.load.truncated' ? fail('lab.load.notArchive') : entry;
    if (entry.value === 'end') return ok({ entries, files, end: offset });
    const { name, size } = entry.value;
    const bare = name.replace(/\/$/, '');
    if (seen.has(bare)) return fail('lab.load.foreign', { entry: shown(name) });
    seen.add(bare);
    entries.push(entry.value);
    const padded = padding(size);
    offset += BLOCK + padded;
    if (keep(entry.value) && size <= KEEP_MAX_BYTES && kept + size <= KEPT_TOTAL_MAX_BYTES) {
      kept += size;
      const body = await source.read(padded);
      if (body.length < padded) return fail('lab.load.truncated');
      files.set(name, body.subarray(0, size));
    } else if ((await source.pass(padded)) < padded) {
      return fail('lab.load.truncated');
    }
  }
}

/** The body's length rounded up to whole blocks. */
export const padding = (size: number): number => Math.ceil(size / BLOCK) * BLOCK;

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

/** PAX records: `<length> <key>=<value>\n`; undefined when they do not parse, or a key repeats. */
function parsePax(body: Buffer): Map<string, string> | undefined {
  const records = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const length = parseInt(body.subarray(at, space).toString('latin1'), 10);
    if (space < 0 || !(length > 0) || at + length > body.length || body[at + length - 1] !== 0x0a) return undefined;
    const record = body.subarray(space + 1, at + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals <= 0 || records.has(record.slice(0, equals))) return undefined;
    records.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return records;
}

const text = (field: Buffer): string => {
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
};
