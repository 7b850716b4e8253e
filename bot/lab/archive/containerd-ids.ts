import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ArchiveImage } from './archive-reading.js';
import { configId, fullTag, linkTarget, parseDocument } from './docker-layout.js';
import type { TarEntry } from './tar-index.js';

/*
 * On the containerd image store an image's id is the digest of what its name points at: the
 * manifest or index an OCI layout's index.json names, or, for an archive in the legacy layout, the
 * manifest containerd's importer writes for it. Plans on that store show these ids, as `docker images` does.
 */

/** One image of manifest.json, as the reading has it. */
interface ListedImage {
  readonly Config: string;
  readonly RepoTags?: readonly string[] | null | undefined;
  readonly Layers: readonly string[];
}

/** What index.json points at: by full name, and for each config the first unnamed entry reaching it. */
export interface IndexTargets {
  readonly named: ReadonlyMap<string, string>;
  readonly unnamed: ReadonlyMap<string, string>;
}

/** The images of an OCI layout under the ids the index gives them: tags pointing at one target go together. */
export function imagesByIndex(listed: readonly ListedImage[], targets: IndexTargets): ArchiveImage[] {
  return listed.flatMap((image) => {
    const config = configId(image.Config);
    const tags = image.RepoTags ?? [];
    if (tags.length === 0) return [{ id: targets.unnamed.get(config) ?? config, tags: [] }];
    const byTarget = new Map<string, string[]>();
    for (const tag of tags) {
      const target = targets.named.get(fullTag(tag) ?? tag) ?? config;
      byTarget.set(target, [...(byTarget.get(target) ?? []), tag]);
    }
    return [...byTarget].map(([id, grouped]) => ({ id, tags: grouped }));
  });
}

const DIGEST = z.string().regex(/^sha256:[0-9a-f]{64}$/);
const diffIdsSchema = z.object({ rootfs: z.object({ diff_ids: z.array(DIGEST) }) });

/**
 * The images of a legacy layout under the ids containerd gives them: the digest of the Docker
 * schema 2 manifest its importer writes, byte for byte as Go's encoder does, for the uncompressed
 * layers docker save writes (their digests are the config's diff_ids). Should the engine disagree,
 * the check after the load says so.
 */
export function imagesByLegacyManifest(
  listed: readonly ListedImage[],
  files: ReadonlyMap<string, Buffer>,
  byName: ReadonlyMap<string, TarEntry>,
): ArchiveImage[] {
  return listed.map((image) => ({ id: legacyManifestId(image, files, byName) ?? configId(image.Config), tags: image.RepoTags ?? [] }));
}

function legacyManifestId(image: ListedImage, files: ReadonlyMap<string, Buffer>, byName: ReadonlyMap<string, TarEntry>): string | undefined {
  const config = files.get(image.Config);
  const parsed = parseDocument(diffIdsSchema, config, image.Config);
  if (config === undefined || !parsed.ok || parsed.value.rootfs.diff_ids.length !== image.Layers.length) return undefined;
  const diffIds = parsed.value.rootfs.diff_ids;
  const layers = image.Layers.map((name, at) => {
    const entry = byName.get(name);
    const file = entry?.type === 'symlink' ? byName.get(linkTarget(entry.link)) : entry;
    return { mediaType: 'application/vnd.docker.image.rootfs.diff.tar', digest: diffIds[at]!, size: file?.size ?? 0 };
  });
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: configId(image.Config), size: config.length },
    layers,
  };
  return `sha256:${createHash('sha256').update(JSON.stringify(manifest)).digest('hex')}`;
}
