import type { ContainerState } from './actions.js';
import type { ContainerInfo } from './engine.js';
import { createdAgo, displayablePorts, ellipsis, goQuote, truncateId } from './humanize.js';
import { familiarName, parseNormalizedNamed } from './reference.js';
import type { Table } from './tables.js';

/** docker/cli's default `docker ps` columns, in its own words (they read the same in every language). */
export const PS_HEADER = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'] as const;

export interface PsRow {
  readonly id: string;
  readonly image: string;
  readonly command: string;
  readonly created: string;
  readonly status: string;
  readonly ports: string;
  readonly names: string;
  /** The engine's state word (running, exited, …), for filters and JSON. */
  readonly state: string;
  /** The same container in full, for JSON: nothing cut, times as ISO 8601. */
  readonly record: PsRecord;
}

export interface PsRecord {
  readonly id: string;
  readonly image: string;
  readonly command: string;
  readonly created: string;
  readonly status: string;
  readonly state: string;
  readonly ports: string;
  readonly names: readonly string[];
}

/** What `docker ps --filter` keeps: a container matching any of the names and any of the states (given none, all). */
export interface PsFilter {
  /** Regular expressions, matched as docker matches them: anywhere in a name, with or without its leading slash. */
  readonly name?: readonly string[] | undefined;
  readonly state?: readonly ContainerState[] | undefined;
}

/** One row per container, cells exactly as `docker ps` (truncated) prints them. */
export function psRows(containers: readonly ContainerInfo[], now: Date, filter: PsFilter = {}): PsRow[] {
  const patterns = filter.name?.map((name) => new RegExp(name, 'u'));
  const named = (name: string) => patterns!.some((pattern) => pattern.test(name) || pattern.test(name.replace(/^\//u, '')));
  return containers
    .filter((container) => !filter.state || filter.state.includes(container.State as ContainerState))
    .filter((container) => !patterns || (container.Names ?? []).some(named))
    .map((container) => ({
      id: truncateId(container.Id),
      image: imageCell(container.Image, container.ImageID),
      command: goQuote(ellipsis(container.Command ?? '', 20)),
      created: createdAgo(container.Created, now),
      status: container.Status ?? '',
      ports: displayablePorts(container.Ports ?? []),
      names: namesCell(container.Names ?? []),
      state: container.State ?? '',
      record: {
        id: container.Id,
        image: container.Image ?? '',
        command: container.Command ?? '',
        created: new Date(container.Created * 1000).toISOString(),
        status: container.Status ?? '',
        state: container.State ?? '',
        ports: displayablePorts(container.Ports ?? []),
        names: (container.Names ?? []).map((name) => name.replace(/^\//u, '')),
      },
    }));
}

export const psTable = (rows: readonly PsRow[]): Table => ({
  header: PS_HEADER,
  rows: rows.map((row) => [row.id, row.image, row.command, row.created, row.status, row.ports, row.names]),
});

/** docker/cli ContainerContext.Image: the short id when created from an id, else the familiar name without digest. */
function imageCell(image: string | undefined, imageId: string | undefined): string {
  if (!image) return '<no image>';
  const short = truncateId(imageId ?? '');
  if (short === truncateId(image)) return short;
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok) return image;
  const name = familiarName(parsed.named);
  return parsed.named.tag ? `${name}:${parsed.named.tag}` : name;
}

/** docker/cli ContainerContext.Names: the first name that is not a legacy link, without its slash. */
function namesCell(names: readonly string[]): string {
  const stripped = names.map((name) => (name.startsWith('/') ? name.slice(1) : name));
  return stripped.find((name) => !name.includes('/')) ?? stripped.join(',');
}
