import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { z } from 'zod';
import { codeOf } from '../core/error-code.js';
import { andThen, fail, ok, type Result } from '../core/result.js';
import { echoed } from '../core/visible-text.js';

/**
 * Well under the file system's 255 bytes: a save also writes `NAME.sha256` and hidden temporary
 * names (`.NAME.sha256.partial-PID-…`, at most 37 characters more), and every one of them must fit.
 */
export const FILE_NAME_MAX = 200;
const ARCHIVE_EXTENSION = /\.tar(\.gz)?$/;
const BARE_NAME = /^[A-Za-z0-9._-]+$/;

export type FileNameError =
  | 'lab.file.empty'
  | 'lab.file.nul'
  | 'lab.file.tooLong'
  | 'lab.file.path'
  | 'lab.file.hidden'
  | 'lab.file.start'
  | 'lab.file.chars'
  | 'lab.file.extension';

export type FileError =
  | FileNameError
  | 'lab.file.folder'
  | 'lab.file.outside'
  | 'lab.file.missing'
  | 'lab.file.notFile';

/** A name as it may appear in a message: unprintable characters marked, long names shortened. */
export const displayName = (name: string): string => echoed(name, 60);

/**
 * The jail's first wall: a bare archive name. Each refusal has its own id so the user learns
 * exactly what to change; the order puts the most telling reason first.
 */
export function checkFileName(name: string): Result<string, FileNameError> {
  const file = displayName(name);
  if (name.length === 0) return fail('lab.file.empty');
  if (name.includes('\0')) return fail('lab.file.nul', { file });
  if (name.length > FILE_NAME_MAX) return fail('lab.file.tooLong', { length: name.length, max: FILE_NAME_MAX });
  if (name.includes('/') || name.includes('\\') || name === '..') return fail('lab.file.path', { file });
  if (name.startsWith('.')) return fail('lab.file.hidden', { file });
  if (!BARE_NAME.test(name)) return fail('lab.file.chars', { file });
  // `-rf.tar` would read as an option to anyone who copies the name into a shell command.
  if (!/^[A-Za-z0-9]/.test(name)) return fail('lab.file.start', { file });
  if (!ARCHIVE_EXTENSION.test(name)) return fail('lab.file.extension', { file });
  return ok(name);
}

/** zod form of {@link checkFileName}; an issue's message is the failure id, its params the vars. */
export const fileName = z.string().superRefine((name, context) => {
  const checked = checkFileName(name);
  if (!checked.ok) context.addIssue({ code: 'custom', message: checked.error.id, params: checked.error.vars ?? {} });
});

export const isGzipName = (name: string): boolean => name.endsWith('.gz');

export interface ArchiveFile {
  readonly name: string;
  readonly bytes: number;
  readonly modified: Date;
}

/** Where a name lands in the folder: the resolved path, and whether something is there already. */
export interface Slot {
  readonly dir: string;
  readonly path: string;
  readonly exists: boolean;
}

export interface OpenArchive {
  readonly path: string;
  readonly handle: FileHandle;
  readonly bytes: number;
}

export interface Exchange {
  readonly dir: string;
  /** The folder's real path, created when missing. */
  root(): Promise<Result<string, 'lab.file.folder'>>;
  /** Where a new archive will be written; refuses links that lead out. */
  slot(name: string): Promise<Result<Slot, FileError>>;
  /** Opens an existing archive for reading without following a link swapped in after the check. */
  open(name: string): Promise<Result<OpenArchive, FileError>>;
  /** The companion checksum file's text, or undefined when there is none. */
  readSidecar(name: string): Promise<Result<string | undefined, FileError>>;
  /** Archives in the folder, newest first (for autocomplete and listings). */
  list(): Promise<Result<ArchiveFile[], FileError>>;
}

export const sidecarName = (name: string): string => `${name}.sha256`;
/**
 * Never through a link, and never waiting: a FIFO swapped in after the check would otherwise block
 * a worker thread in open() until someone writes to it. What opens is then checked to be a file.
 */
const READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
const SIDECAR_MAX_BYTES = 4_096;

/** The file jail: every archive Gorae reads or writes lives directly in one folder. */
export function createExchange(dir: string): Exchange {
  const folder = async (): Promise<Result<string, 'lab.file.folder'>> => {
    try {
      await mkdir(dir, { recursive: true, mode: 0o750 });
      return ok(await realpath(dir));
    } catch (error) {
      return fail('lab.file.folder', { dir, reason: codeOf(error) });
    }
  };

  /** Resolves `name` (user-given or a companion name) and refuses anything that leaves the folder. */
  const locate = async (name: string, companion = false): Promise<Result<Slot & { stats?: Stats }, FileError>> => {
    const checked = checkFileName(companion ? name.replace(/\.sha256$/, '') : name);
    if (!checked.ok) return checked;
    const root = await folder();
    if (!root.ok) return root;
    const path = join(root.value, name);
    let link: Stats;
    try {
      link = await lstat(path);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return ok({ dir: root.value, path, exists: false });
      return fail('lab.file.folder', { dir, reason: codeOf(error) });
    }
    if (!link.isSymbolicLink()) return ok({ dir: root.value, path, exists: true, stats: link });
    let target: string;
    try {
      target = await realpath(path);
    } catch {
      return fail('lab.file.notFile', { file: displayName(name) });
    }
    if (!inside(root.value, target)) return fail('lab.file.outside', { file: displayName(name), dir });
    const stats = await stat(target).catch(() => undefined);
    if (!stats) return fail('lab.file.notFile', { file: displayName(name) });
    return ok({ dir: root.value, path: target, exists: true, stats });
  };

  return {
    dir,
    root: folder,
    async slot(name) {
      return andThen(await locate(name), ({ stats, ...slot }) =>
        stats && !stats.isFile()
          ? fail('lab.file.notFile', { file: displayName(name) })
          : // A link inside the folder is replaced by the new file, never written through.
            ok({ ...slot, path: join(slot.dir, name) }),
      );
    },
    async open(name) {
      const found = await locate(name);
      if (!found.ok) return found;
      if (!found.value.exists) return fail('lab.file.missing', { file: displayName(name), dir });
      if (!found.value.stats?.isFile()) return fail('lab.file.notFile', { file: displayName(name) });
      const path = found.value.path;
      try {
        const handle = await open(path, READ_FLAGS);
        const stats = await handle.stat();
        const refused = !stats.isFile()
          ? fail('lab.file.notFile', { file: displayName(name) })
          : !(await staysInside(found.value.dir, handle))
            ? fail('lab.file.outside', { file: displayName(name), dir })
            : undefined;
        if (refused) {
          await handle.close();
          return refused;
        }
        return ok({ path, handle, bytes: stats.size });
      } catch (error) {
        // ELOOP: the checked file was swapped for a link between the check and the open.
        if (codeOf(error) === 'ELOOP') return fail('lab.file.outside', { file: displayName(name), dir });
        return fail('lab.file.folder', { dir, reason: codeOf(error) });
      }
    },
    async readSidecar(name) {
      const found = await locate(sidecarName(name), true);
      if (!found.ok) return found;
      if (!found.value.exists) return ok(undefined);
      if (!found.value.stats?.isFile()) return fail('lab.file.notFile', { file: displayName(sidecarName(name)) });
      try {
        const handle = await open(found.value.path, READ_FLAGS);
        try {
          if (!(await handle.stat()).isFile()) return fail('lab.file.notFile', { file: displayName(sidecarName(name)) });
          if (!(await staysInside(found.value.dir, handle))) return fail('lab.file.outside', { file: displayName(sidecarName(name)), dir });
          const buffer = Buffer.alloc(SIDECAR_MAX_BYTES);
          const { bytesRead } = await handle.read(buffer, 0, SIDECAR_MAX_BYTES, 0);
          return ok(buffer.subarray(0, bytesRead).toString('utf8'));
        } finally {
          await handle.close();
        }
      } catch (error) {
        return fail('lab.file.folder', { dir, reason: codeOf(error) });
      }
    },
    async list() {
      const root = await folder();
      if (!root.ok) return root;
      let names: string[];
      try {
        names = (await readdir(root.value)).filter((name) => checkFileName(name).ok);
      } catch (error) {
        return fail('lab.file.folder', { dir, reason: codeOf(error) });
      }
      const files: ArchiveFile[] = [];
      for (const name of names) {
        const found = await locate(name);
        if (found.ok && found.value.stats?.isFile()) {
          files.push({ name, bytes: found.value.stats.size, modified: found.value.stats.mtime });
        }
      }
      return ok(files.sort((a, b) => b.modified.getTime() - a.modified.getTime()));
    },
  };
}

/**
 * Whether an opened file is in the folder, asked of the kernel: a folder on the way that was
 * swapped for a link after the check cannot lead a read outside. Where /proc is missing (not
 * Linux), the check before the open stands alone.
 */
async function staysInside(root: string, handle: FileHandle): Promise<boolean> {
  const opened = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
  return opened === undefined || inside(root, opened);
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith('../') && !isAbsolute(rel);
}
