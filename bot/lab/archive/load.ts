import type { FileHandle } from 'node:fs/promises';
import { fail, ok, type Result } from '../../core/result.js';
import type { EngineError } from '../engine.js';
import { displayName, sidecarName, type FileError } from '../exchange.js';
import { differencesAfterLoad, unexpectedTags } from './after-load.js';
import { acquireBusy, type BusyError } from './busy.js';
import { canonicalArchive, type CanonicalCheck, type CanonicalError } from './canonical.js';
import { sidecarDigest } from './checksum.js';
import { peekArchive, type ArchiveImage, type PeekError } from './peek.js';
import type { ArchiveServices } from './save.js';

export type LoadError =
  | EngineError
  | FileError
  | BusyError
  | PeekError
  | CanonicalError
  | 'lab.load.badSidecar'
  | 'lab.load.unexpected'
  | 'lab.load.unconfirmed'
  | 'lab.load.declined'
  | 'lab.load.staleFile'
  | 'lab.load.staleTags';

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
 * checksum) and what it would change is shown; after a yes, it is read again and the engine gets
 * the archive re-written from that reading, only if it is the one the plan was computed from.
 * Afterwards the engine's tags are compared with the plan; any difference is a failure.
 *
 * The host is taken (busy) only for the work, after the yes: a question left open does not keep
 * another admin's save waiting. The plan is then checked again under the lock, since the file or
 * the host's tags may have changed while the question waited.
 */
export async function loadArchive(
  request: LoadRequest,
  services: ArchiveServices & { readonly confirm?: Confirm | undefined },
): Promise<Result<LoadReport, LoadError>> {
  const { engine, exchange, clock } = services;
  // Asked first: the engine takes tens of milliseconds to answer /info, and the answer needs no file.
  const storeAsked = engine.imageStore();
  const opened = await exchange.open(request.file);
  if (!opened.ok) return opened;
  const { handle, bytes } = opened.value;
  try {
    const sidecar = await exchange.readSidecar(request.file);
    if (!sidecar.ok) return sidecar;
    const expected = sidecar.value === undefined ? undefined : sidecarDigest(sidecar.value, request.file);
    if (sidecar.value !== undefined && expected === undefined) {
      return fail('lab.load.badSidecar', { file: displayName(sidecarName(request.file)) });
    }

    const peek = await peekArchive(handle, bytes, services.onProgress);
    if (!peek.ok) return fail(peek.error.id, { ...peek.error.vars, file: displayName(request.file) });
    const { gzip, sha256, reading } = peek.value;
    if (expected !== undefined && sha256 !== undefined && expected !== sha256) {
      return fail('lab.load.checksum', { file: displayName(request.file), expected, actual: sha256 });
    }
    // The plan speaks in the engine's own ids, as its `docker images` shows them.
    const store = await storeAsked;
    if (!store.ok) return store;
    const images = store.value === 'containerd' ? reading.containerdImages : reading.images;

    const replaced = await replacements(images, services);
    if (!replaced.ok) return replaced;
    const checksum = expected === undefined ? 'absent' : sha256 === undefined ? 'pending' : 'verified';
    const plan: LoadPlan = { host: engine.host, file: request.file, bytes, gzip, images, replaced: replaced.value, checksum };
    if (!request.yes) {
      if (!services.confirm) return fail('lab.load.unconfirmed', { file: displayName(request.file) });
      if (!(await services.confirm(plan))) return fail('lab.load.declined', { file: displayName(request.file) });
    }

    const root = await exchange.root();
    if (!root.ok) return root;
    const busy = await acquireBusy(root.value, { host: engine.host, action: 'load', file: request.file, who: services.who }, clock);
    if (!busy.ok) return busy;
    try {
      const unchanged = await planStillHolds(plan, { handle, sidecar: sidecar.value }, services);
      if (!unchanged.ok) return unchanged;
      const started = clock.now().getTime();
      const check: CanonicalCheck = { gzip, reading, expected, planned: sha256 };
      const loaded = await send(handle, { file: request.file, bytes, check }, services);
      if (!loaded.ok) return loaded;
      const differences = await differencesAfterLoad(images, loaded.value, engine);
      if (!differences.ok) return differences;
      if (differences.value.length > 0) return unexpectedTags(engine.host, displayName(request.file), differences.value);
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
 * What was shown is still what would happen: the name still leads to the very file that was read
 * (not one saved over it), its checksum file says the same, and the same tags would move on the
 * host. Otherwise the yes was given to something else. A file rewritten in place is caught as it
 * is re-read for the engine (lab.load.changed).
 */
async function planStillHolds(
  plan: LoadPlan,
  read: { readonly handle: FileHandle; readonly sidecar: string | undefined },
  services: ArchiveServices,
): Promise<Result<void, LoadError>> {
  const file = displayName(plan.file);
  const now = await services.exchange.open(plan.file);
  // The folder itself failing is its own trouble; any other refusal means the name leads elsewhere now.
  if (!now.ok) return now.error.id === 'lab.file.folder' ? now : fail('lab.load.staleFile', { file });
  const [before, after] = await Promise.all([read.handle.stat(), now.value.handle.stat()]).finally(() => now.value.handle.close().catch(() => undefined));
  const sidecar = await services.exchange.readSidecar(plan.file);
  const sameFile = before.dev === after.dev && before.ino === after.ino;
  if (!sameFile || !sidecar.ok || sidecar.value !== read.sidecar) return fail('lab.load.staleFile', { file });
  const replaced = await replacements(plan.images, services);
  if (!replaced.ok) return replaced;
  const key = (list: readonly Replacement[]) => JSON.stringify(list.map(({ tag, currentId, incomingId }) => [tag, currentId, incomingId]));
  return key(replaced.value) === key(plan.replaced) ? ok(undefined) : fail('lab.load.staleTags', { file, host: plan.host });
}

/**
 * Streams the canonical archive into the engine: re-read, checked against the plan's reading and
 * the checksum, and re-written (see canonical.ts). A refusal on the way breaks the upload off.
 */
async function send(
  handle: FileHandle,
  archive: { readonly file: string; readonly bytes: number; readonly check: CanonicalCheck },
  services: ArchiveServices,
): Promise<Result<string[], LoadError>> {
  const { engine, onProgress } = services;
  const { archive: upload, refusal } = canonicalArchive(handle, archive.bytes, archive.check, { onProgress, lend: engine.reportsSent });
  const loaded = await engine.importImages(upload, services.signal ?? new AbortController().signal);
  upload.destroy();
  const refused = refusal();
  if (refused) return fail(refused.id, { ...refused.vars, file: displayName(archive.file) });
  return loaded;
}

/** Each incoming tag that already names a different image on the host. */
async function replacements(images: readonly ArchiveImage[], services: ArchiveServices): Promise<Result<Replacement[], EngineError>> {
  const replaced: Replacement[] = [];
  for (const image of images) {
    for (const tag of image.tags) {
      const current = await services.engine.inspectImage(tag);
      if (!current.ok) {
        if (current.error.id === 'lab.image.missing') continue;
        return current;
      }
      if (current.value.Id !== image.id) replaced.push({ tag, currentId: current.value.Id, incomingId: image.id });
    }
  }
  return ok(replaced);
}
