import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { ARCHIVE_MAX_MINUTES } from '../config.js';
import { fail, ok, type Failure, type Result } from '../core/result.js';
import { describeFailure, Overall, type EngineError } from './engine-failure.js';
import type { BufferPool } from './buffer-pool.js';
import { bulkCall, type BulkRequest } from './engine-bulk.js';
import { addressOf, connectTo } from './engine-connection.js';
import { loadReport, Watchdog } from './engine-stream.js';
import type { HostSpec } from './hosts.js';

/** The engine port: the one module that calls the engine (through the connections engine-connection.ts builds); everything else sees this port and failures as values. */
export type { EngineError };

export type ContainerInfo = Docker.ContainerInfo;
export type ImageInfo = Docker.ImageInfo;
export type ImageInspectInfo = Docker.ImageInspectInfo;

/**
 * Where the engine keeps images, which decides what an image's id is: the config's digest in the
 * classic store, the manifest's (or index's) digest in the containerd one.
 */
export type ImageStore = 'classic' | 'containerd';

export interface Engine {
  /** The host's name, for messages. */
  readonly host: string;
  ping(): Promise<Result<void, EngineError>>;
  imageStore(): Promise<Result<ImageStore, EngineError>>;
  listContainers(all: boolean): Promise<Result<ContainerInfo[], EngineError>>;
  listImages(options: { all: boolean; dangling: boolean }): Promise<Result<ImageInfo[], EngineError>>;
  /** A missing image is `lab.image.missing` with `{host, image}`. */
  inspectImage(ref: string): Promise<Result<ImageInspectInfo, EngineError>>;
  /** `GET /images/get`: the archive as the engine streams it. Errors mid-stream go through `failureOf`. */
  exportImages(refs: readonly string[], signal: AbortSignal, pool?: BufferPool): Promise<Result<NodeJS.ReadableStream, EngineError>>;
  /** Each chunk of an upload is reported sent (sent.ts): an upload may lend memory it reads into again. */
  readonly reportsSent: boolean;
  /** `POST /images/load`: returns the engine's "Loaded image: x" / "Loaded image ID: sha256:…" lines. */
  importImages(archive: NodeJS.ReadableStream, signal: AbortSignal): Promise<Result<string[], EngineError>>;
  /** Names this host in a failure for an error a stream emitted after the call returned. */
  failureOf(error: unknown): Failure<EngineError>;
}

export interface EngineTimeouts {
  /** Whole-call limit for metadata calls (GORAE_DOCKER_TIMEOUT_MS). */
  readonly callMs: number;
  /** Streaming calls may run for minutes; they fail only when no byte moves for this long. */
  readonly idleMs: number;
  /** Before its first byte an export is silent while the engine stages every layer; this long at most. */
  readonly stagingMs: number;
  /** A save's or load's transfer as a whole, however steadily bytes trickle (GORAE_ARCHIVE_MAX_MINUTES). */
  readonly totalMs: number;
}

export const timeoutsFrom = (callMs: number, totalMinutes = ARCHIVE_MAX_MINUTES): EngineTimeouts => {
  const idleMs = Math.max(callMs * 6, 60_000);
  return { callMs, idleMs, stagingMs: Math.max(idleMs * 5, 300_000), totalMs: totalMinutes * 60_000 };
};

/** How `GET /info` names the containerd image store in DriverStatus (`driver-type`). */
const CONTAINERD_SNAPSHOTTER = 'io.containerd.snapshotter.v1';

type DialOptions = Parameters<Docker['modem']['dial']>[0];

/** Called from main (and tests) with a host from hosts.ts; nothing connects until the first call. */
export function createEngine(spec: HostSpec, timeouts: EngineTimeouts | number): Engine {
  const limits = typeof timeouts === 'number' ? timeoutsFrom(timeouts) : timeouts;
  const { modem, bulk, reportsSent } = connectTo(spec);
  const host = spec.name;

  const failureOf = (error: unknown, image?: string): Failure<EngineError> => describeFailure(host, error, limits.callMs, image, addressOf(spec));

  /** One JSON call with a whole-call deadline. */
  async function call<T>(options: DialOptions, image?: string): Promise<Result<T, EngineError>> {
    const signal = AbortSignal.timeout(limits.callMs);
    try {
      const value = await new Promise<unknown>((resolve, reject) =>
        modem.dial({ ...options, abortSignal: signal }, (error, result) => (error ? reject(error) : resolve(result))),
      );
      return ok(value as T);
    } catch (error) {
      return { ok: false, error: failureOf(signal.aborted ? signal.reason : error, image) };
    }
  }

  /**
   * A streaming call that the caller's signal cancels. Until the engine answers it has `waitMs`,
   * counted afresh whenever a byte of the body goes up; after that, `idleMs` between bytes; and
   * `totalMs` for the whole, so an engine that sends a byte a minute cannot hold a save forever.
   */
  async function open(
    request: BulkRequest,
    signal: AbortSignal,
    how: { readonly waitMs: number; readonly image?: string; readonly pool?: BufferPool | undefined },
  ): Promise<Result<Readable, EngineError>> {
    if (signal.aborted) return fail('lab.engine.cancelled', { host });
    const control = new AbortController();
    const cancel = () => control.abort(signal.reason);
    signal.addEventListener('abort', cancel, { once: true });
    const watchdog = new Watchdog(control, how.waitMs);
    const overall = setTimeout(() => control.abort(new Overall(limits.totalMs)), limits.totalMs).unref();
    const done = () => {
      watchdog.stop();
      clearTimeout(overall);
      signal.removeEventListener('abort', cancel);
    };
    try {
      const answer = await bulkCall(bulk, request, { signal: control.signal, onActivity: watchdog.touch, pool: how.pool });
      watchdog.rearm(limits.idleMs);
      answer.once('close', done);
      return ok(answer);
    } catch (error) {
      done();
      return { ok: false, error: failureOf(control.signal.aborted ? control.signal.reason : error, how.image) };
    }
  }

  return {
    host,
    reportsSent,
    failureOf: (error) => failureOf(error),

    async ping() {
      const result = await call<unknown>({ path: '/_ping', method: 'GET', statusCodes: { 200: true, 500: 'server error' } });
      return result.ok ? ok(undefined) : result;
    },

    async imageStore() {
      const info = await call<{ DriverStatus?: unknown }>({ path: '/info', method: 'GET', statusCodes: { 200: true, 500: 'server error' } });
      if (!info.ok) return info;
      const status = Array.isArray(info.value.DriverStatus) ? (info.value.DriverStatus as unknown[]) : [];
      const snapshotter = status.some((pair) => Array.isArray(pair) && pair[0] === 'driver-type' && pair[1] === CONTAINERD_SNAPSHOTTER);
      return ok(snapshotter ? 'containerd' : 'classic');
    },

    listContainers(all) {
      return call<ContainerInfo[]>({
        path: '/containers/json?',
        method: 'GET',
        options: { all },
        statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
      });
    },

    listImages({ all, dangling }) {
      return call<ImageInfo[]>({
        path: '/images/json?',
        method: 'GET',
        options: dangling ? { all, filters: { dangling: ['true'] } } : { all },
        statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
      });
    },

    inspectImage(ref) {
      return call<ImageInspectInfo>(
        { path: `/images/${encodeURIComponent(ref)}/json`, method: 'GET', statusCodes: { 200: true, 404: 'no such image', 500: 'server error' } },
        ref,
      );
    },

    async exportImages(refs, signal, pool) {
      const names = refs.map((ref) => `names=${encodeURIComponent(ref)}`).join('&');
      return open({ method: 'GET', path: `/images/get?${names}` }, signal, { waitMs: limits.stagingMs, image: refs.join(' '), pool });
    },

    async importImages(archive, signal) {
      // The engine answers only once the whole upload is unpacked, so the wait restarts with every byte sent.
      const opened = await open({ method: 'POST', path: '/images/load?quiet=false', body: archive }, signal, { waitMs: limits.idleMs });
      if (!opened.ok) return opened;
      return loadReport(opened.value, host, failureOf);
    },
  };
}
