import type { Clock } from '../core/clock.js';
import { fail, ok, type Result } from '../core/result.js';
import type { LabAction } from './actions.js';
import { loadArchive, type Confirm, type LoadError, type LoadReport } from './archive/load.js';
import type { OnProgress } from './archive/progress.js';
import { saveImages, type SaveError, type SaveReport } from './archive/save.js';
import type { Engine, EngineError } from './engine.js';
import type { Exchange } from './exchange.js';
import { DEFAULT_HOST } from './hosts.js';
import { imageRows, imagesTable, type ImageRow } from './images.js';
import { psRows, psTable, type PsRow } from './ps.js';
import { renderTable, type RenderedTable } from './tables.js';

/** What every lab action runs against; built once in main. */
export interface LabPorts {
  readonly engines: ReadonlyMap<string, Engine>;
  readonly exchange: Exchange;
  readonly clock: Clock;
}

/** The caller's side of one run: who asked (named in "busy" messages), and its live hooks. */
export interface LabContext {
  readonly who: string;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: OnProgress | undefined;
  /** Asked before a load replaces anything; without it a load needs `--yes`. */
  readonly confirm?: Confirm | undefined;
}

export type LabOutcome =
  | { readonly action: 'ps'; readonly host: string; readonly rows: readonly PsRow[]; readonly table: RenderedTable }
  | { readonly action: 'images'; readonly host: string; readonly rows: readonly ImageRow[]; readonly table: RenderedTable }
  | { readonly action: 'save'; readonly host: string; readonly report: SaveReport }
  | { readonly action: 'load'; readonly host: string; readonly report: LoadReport };

export type LabError = EngineError | SaveError | LoadError | 'lab.host.unknown';

/** Runs one whitelisted action on its host; every expected failure comes back as a value. */
export async function runLab(action: LabAction, ports: LabPorts, context: LabContext): Promise<Result<LabOutcome, LabError>> {
  const host = action.host ?? DEFAULT_HOST;
  const engine = ports.engines.get(host);
  if (!engine) return fail('lab.host.unknown', { host, known: [...ports.engines.keys()].join(', ') });
  switch (action.action) {
    case 'ps': {
      // As with `docker ps --filter status=exited`, asking for a state looks past the running ones.
      const listed = await engine.listContainers(action.all || action.state !== undefined);
      if (!listed.ok) return listed;
      const rows = psRows(listed.value, ports.clock.now(), { name: action.name, state: action.state });
      return ok({ action: 'ps', host, rows, table: renderTable(psTable(rows)) });
    }
    case 'images': {
      const listed = await engine.listImages({ all: action.all, dangling: action.dangling });
      if (!listed.ok) return listed;
      const rows = imageRows(listed.value, ports.clock.now());
      return ok({ action: 'images', host, rows, table: renderTable(imagesTable(rows)) });
    }
    case 'save': {
      const saved = await saveImages(
        { images: action.images, file: action.file, gzip: action.gzip, force: action.force },
        { engine, exchange: ports.exchange, clock: ports.clock, who: context.who, signal: context.signal, onProgress: context.onProgress },
      );
      return saved.ok ? ok({ action: 'save', host, report: saved.value }) : saved;
    }
    case 'load': {
      const loaded = await loadArchive(
        { file: action.file, yes: action.yes },
        {
          engine,
          exchange: ports.exchange,
          clock: ports.clock,
          who: context.who,
          signal: context.signal,
          onProgress: context.onProgress,
          confirm: context.confirm,
        },
      );
      return loaded.ok ? ok({ action: 'load', host, report: loaded.value }) : loaded;
    }
  }
}
