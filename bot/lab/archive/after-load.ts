import { fail, ok, type Result } from '../../core/result.js';
import type { Engine, EngineError } from '../engine.js';
import { truncateId } from '../humanize.js';
import type { ArchiveImage } from './archive-reading.js';
import { fullTag } from './docker-layout.js';

/** A tag (or an untagged image) the engine shows after a load, other than the plan said. */
export interface TagDifference {
  readonly name: string;
  /** The id the plan showed for it; undefined when the plan never named it. */
  readonly planned: string | undefined;
  /** The id the engine has under it now; undefined when it has none. */
  readonly found: string | undefined;
}

/**
 * After the engine's load: every tag the plan showed must name the image the plan showed (ids as
 * the engine's image store gives them), and the
 * engine must report loading nothing the plan did not show. The archive the engine got is the
 * plan's, so a difference means something else acted on the engine meanwhile, or the engine read
 * the archive another way; either way the person who confirmed must hear of it.
 */
export async function differencesAfterLoad(
  images: readonly ArchiveImage[],
  reported: readonly string[],
  engine: Engine,
): Promise<Result<TagDifference[], EngineError>> {
  const differences: TagDifference[] = [];
  const planned = new Map<string, ArchiveImage>();
  const idUnder = async (tag: string): Promise<Result<string | undefined, EngineError>> => {
    const now = await engine.inspectImage(tag);
    if (now.ok) return ok(now.value.Id);
    return now.error.id === 'lab.image.missing' ? ok(undefined) : now;
  };
  for (const image of images) {
    for (const tag of image.tags) {
      planned.set(fullTag(tag) ?? tag, image);
      const found = await idUnder(tag);
      if (!found.ok) return found;
      if (found.value !== image.id) differences.push({ name: tag, planned: image.id, found: found.value });
    }
  }
  const untagged = images.filter((image) => image.tags.length === 0).map((image) => image.id);
  for (const line of reported) {
    const id = /^Loaded image ID:\s*(\S+)$/.exec(line)?.[1];
    if (id !== undefined) {
      if (!untagged.includes(id)) differences.push({ name: id, planned: undefined, found: id });
      continue;
    }
    const name = /^Loaded image:\s*(\S+)$/.exec(line)?.[1] ?? line;
    if (planned.has(fullTag(name) ?? name)) continue;
    const found = await idUnder(name);
    if (!found.ok) return found;
    differences.push({ name, planned: undefined, found: found.value });
  }
  return ok(differences);
}

/** `web:1 4f2a… → 9c1d…; other:2 — → —`, for the message and the audit log. */
export const differencesText = (differences: readonly TagDifference[]): string =>
  differences.map(({ name, planned, found }) => `${name} ${planned ? truncateId(planned) : '—'} → ${found ? truncateId(found) : '—'}`).join('; ');

/** The loud failure a load with differences ends in: it ran, and it did not do what was confirmed. */
export const unexpectedTags = (host: string, file: string, differences: readonly TagDifference[]) =>
  fail('lab.load.unexpected', { host, file, differences: differencesText(differences) });
