import type { ImageInfo } from './engine.js';
import { createdAgo, humanSize, truncateId } from './humanize.js';
import { familiarName, parseNormalizedNamed } from './reference.js';
import type { Table } from './tables.js';

/** docker/cli's default `docker images` columns, in its own words. */
export const IMAGES_HEADER = ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'] as const;

const NONE = '<none>';

export interface ImageRow {
  readonly repository: string;
  readonly tag: string;
  readonly id: string;
  readonly created: string;
  readonly size: string;
  /** The size in bytes, for JSON. */
  readonly bytes: number;
  /** The same row in full, for JSON: whole ID, ISO 8601 time, size in bytes. */
  readonly record: ImageRecord;
}

export interface ImageRecord {
  readonly repository: string;
  readonly tag: string;
  readonly id: string;
  readonly created: string;
  readonly size: number;
}

/**
 * One row per repository and tag, as docker/cli's imageFormat builds them: untagged images are
 * `<none> <none>`, digest-only references show their repository with tag `<none>`.
 */
export function imageRows(images: readonly ImageInfo[], now: Date): ImageRow[] {
  return images.flatMap((image) => {
    const base = { id: truncateId(image.Id), created: createdAgo(image.Created, now), size: humanSize(image.Size), bytes: image.Size };
    const full = { id: image.Id, created: new Date(image.Created * 1000).toISOString(), size: image.Size };
    const row = (repository: string, tag: string): ImageRow => ({ repository, tag, ...base, record: { repository, tag, ...full } });
    if (isDangling(image)) return [row(NONE, NONE)];
    return repositoryTags(image).map(([repository, tag]) => row(repository, tag));
  });
}

export const imagesTable = (rows: readonly ImageRow[]): Table => ({
  header: IMAGES_HEADER,
  rows: rows.map((row) => [row.repository, row.tag, row.id, row.created, row.size]),
});

function isDangling(image: ImageInfo): boolean {
  const tags = image.RepoTags ?? [];
  const digests = image.RepoDigests ?? [];
  if (tags.length === 0 && digests.length === 0) return true;
  return tags.length === 1 && tags[0] === '<none>:<none>' && digests.length === 1 && digests[0] === '<none>@<none>';
}

/** Tags grouped by familiar repository; repositories known only by digest get one `<none>` row. */
function repositoryTags(image: ImageInfo): Array<[string, string]> {
  const tags = new Map<string, string[]>();
  for (const text of image.RepoTags ?? []) {
    const parsed = parseNormalizedNamed(text);
    if (!parsed.ok || !parsed.named.tag) continue;
    const repository = familiarName(parsed.named);
    tags.set(repository, [...(tags.get(repository) ?? []), parsed.named.tag]);
  }
  const digestOnly = new Set<string>();
  for (const text of image.RepoDigests ?? []) {
    const parsed = parseNormalizedNamed(text);
    if (!parsed.ok || !parsed.named.digest) continue;
    const repository = familiarName(parsed.named);
    if (!tags.has(repository)) digestOnly.add(repository);
  }
  return [
    ...[...tags].flatMap(([repository, list]) => list.map((tag): [string, string] => [repository, tag])),
    ...[...digestOnly].map((repository): [string, string] => [repository, NONE]),
  ];
}
