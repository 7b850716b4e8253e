import { fail, map, ok, type Failure, type Result } from '../core/result.js';
import type { Engine, EngineError } from './engine.js';
import { ALL_HOSTS } from './hosts.js';
import type { Table } from './tables.js';

/** What the hosts asked said: each answer with its host, and the failures of those that did not answer. */
export interface HostAnswers<T> {
  readonly answered: readonly { readonly host: string; readonly value: T }[];
  /** Each failure names its host in `vars.host`; in the order the hosts are configured. */
  readonly unanswered: readonly Failure<EngineError>[];
}

export type AskError = EngineError | 'lab.host.unknown';

export const unknownHost = (host: string, engines: ReadonlyMap<string, Engine>) =>
  fail('lab.host.unknown', { host, known: [...engines.keys()].join(', ') });

/**
 * Asks one host, or with `all` every configured host at once. Each engine call carries its own
 * deadline, so a dead or stuck host costs at most that long and loses only its own answer. On a
 * single host its failure is the whole answer, as before.
 */
export async function askHosts<T>(
  host: string,
  engines: ReadonlyMap<string, Engine>,
  ask: (engine: Engine) => Promise<Result<T, EngineError>>,
): Promise<Result<HostAnswers<T>, AskError>> {
  if (host !== ALL_HOSTS) {
    const engine = engines.get(host);
    if (!engine) return unknownHost(host, engines);
    return map(await ask(engine), (value) => ({ answered: [{ host, value }], unanswered: [] }));
  }
  const results = await Promise.all([...engines].map(async ([name, engine]) => ({ host: name, result: await ask(engine) })));
  return ok({
    answered: results.flatMap(({ host: name, result }) => (result.ok ? [{ host: name, value: result.value }] : [])),
    unanswered: results.flatMap(({ result }) => (result.ok ? [] : [result.error])),
  });
}

/** A row that knows which host it came from. */
export type Hosted<Row> = Row & { readonly host: string };

/** The rows of every host that answered, in host order, each labelled with its host. */
export const hostedRows = <T, Row>(answers: HostAnswers<T>, rows: (value: T) => readonly Row[]): Hosted<Row>[] =>
  answers.answered.flatMap(({ host, value }) => rows(value).map((row) => ({ ...row, host })));

/** The table of the whole lab: HOST first, then the columns the docker CLI shows. */
export const withHostColumn = (table: Table, rows: readonly Hosted<unknown>[]): Table => ({
  header: ['HOST', ...table.header],
  rows: table.rows.map((cells, index) => [rows[index]!.host, ...cells]),
});

/** For the audit line: each host that did not answer, and the failure's id. */
export const unansweredDetails = (unanswered: readonly Failure[]): Record<string, string> | undefined =>
  unanswered.length === 0 ? undefined : Object.fromEntries(unanswered.map((failure) => [`unanswered.${failure.vars?.host}`, failure.id]));
