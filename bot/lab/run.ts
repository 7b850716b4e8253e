import type { Clock } from '../core/clock.js';
import { map, type Failure, type Result } from '../core/result.js';
import type { LabAction } from './actions.js';
import { loadArchive, type Confirm, type LoadError, type LoadReport } from './archive/load.js';
import type { OnProgress } from './archive/progress.js';
import { saveImages, type SaveError, type SaveReport } from './archive/save.js';
import type { Engine, EngineError } from './engine.js';
import type { Exchange } from './exchange.js';
import { ALL_HOSTS, DEFAULT_HOST } from './hosts.js';
import { imageRows, imagesTable, type ImageRow } from './images.js';
import { psRows, psTable, type PsRow } from './ps.js';
import { renderTable, type RenderedTable, type Table } from './tables.js';
import { askHosts, hostedRows, unknownHost, withHostColumn, type Hosted } from './whole-lab.js';

/** What every lab action runs against; built once in main. */
export interface LabServices {
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

/** A listing of one host, or of every host (`all`): then the table has a HOST column and the hosts that did not answer are listed. */
interface Listing<Name extends 'ps' | 'images', Row> {
  readonly action: Name;
  readonly host: string;
  readonly rows: readonly Hosted<Row>[];
  readonly table: RenderedTable;
  readonly unanswered: readonly Failure<EngineError>[];
}

export type LabOutcome =
  | Listing<'ps', PsRow>
  | Listing<'images', ImageRow>
  | { readonly action: 'save'; readonly host: string; readonly report: SaveReport }
  | { readonly action: 'load'; readonly host: string; readonly report: LoadReport };

/** The hosts a listing of every host could not reach; none for any other outcome. */
export const unansweredOf = (outcome: LabOutcome): readonly Failure<EngineError>[] =>
  outcome.action === 'ps' || outcome.action === 'images' ? outcome.unanswered : [];

export type LabError = EngineError | SaveError | LoadError | 'lab.host.unknown';

/** Runs one whitelisted action on its host; every expected failure comes back as a value. */
export async function runLab(action: LabAction, services: LabServices, context: LabContext): Promise<Result<LabOutcome, LabError>> {
  const host = action.host ?? DEFAULT_HOST;
  const table = (plain: Table, rows: readonly Hosted<unknown>[]) => renderTable(host === ALL_HOSTS ? withHostColumn(plain, rows) : plain);
  switch (action.action) {
    case 'ps': {
      // As with `docker ps --filter status=exited`, asking for a state looks past the running ones.
      const listed = await askHosts(host, services.engines, (engine) => engine.listContainers(action.all || action.state !== undefined));
      return map(listed, (answers) => {
        const rows = hostedRows(answers, (containers) => psRows(containers, services.clock.now(), { name: action.name, state: action.state }));
        return { action: 'ps', host, rows, table: table(psTable(rows), rows), unanswered: answers.unanswered };
      });
    }
    case 'images': {
      const listed = await askHosts(host, services.engines, (engine) => engine.listImages({ all: action.all, dangling: action.dangling }));
      return map(listed, (answers) => {
        const rows = hostedRows(answers, (images) => imageRows(images, services.clock.now()));
        return { action: 'images', host, rows, table: table(imagesTable(rows), rows), unanswered: answers.unanswered };
      });
    }
  }
  const engine = services.engines.get(host);
  if (!engine) return unknownHost(host, services.engines);
  switch (action.action) {
    case 'save': {
      const saved = await saveImages(
        { images: action.images, file: action.file, gzip: action.gzip, force: action.force },
        { engine, exchange: services.exchange, clock: services.clock, who: context.who, signal: context.signal, onProgress: context.onProgress },
      );
      return map(saved, (report) => ({ action: 'save', host, report }));
    }
    case 'load': {
      const loaded = await loadArchive(
        { file: action.file, yes: action.yes },
        {
          engine,
          exchange: services.exchange,
          clock: services.clock,
          who: context.who,
          signal: context.signal,
          onProgress: context.onProgress,
          confirm: context.confirm,
        },
      );
      return map(loaded, (report) => ({ action: 'load', host, report }));
    }
  }
}
