import { fail, ok, type Result } from '../../core/result.js';
import { shown } from '../actions.js';
import {
  configId,
  configsOf,
  fullTag,
  indexSchema,
  linkTarget,
  manifestSchema,
  manifestShapeSchema,
  matchesName,
  ociLayoutSchema,
  parseDocument,
  TAGS_MAX,
  type LayoutError,
} from './docker-layout.js';
import { imagesByIndex, imagesByLegacyManifest } from './containerd-ids.js';
import type { TarEntry, TarIndex } from './tar-index.js';

/** One image an archive carries: its id (the config digest, or on the containerd store its manifest's) and the tags it will set. */
export interface ArchiveImage {
  readonly id: string;
  readonly tags: readonly string[];
}

/**
 * Everything the plan was computed from, so the load can insist on reading the same archive: the
 * entries in order, the documents read whole, which entries go on to the engine, and the
 * re-written manifest (and OCI index) the engine gets last.
 */
export interface ArchiveReading {
  readonly images: readonly ArchiveImage[];
  readonly entries: readonly TarEntry[];
  readonly kept: ReadonlyMap<string, Buffer>;
  readonly forwarded: ReadonlySet<string>;
  readonly documents: ReadonlyArray<readonly [string, Buffer]>;
  /** The same images under the ids the containerd image store gives them (containerd-ids.ts). */
  readonly containerdImages: readonly ArchiveImage[];
}

/** The documents the plan reads whole: manifests, the index, configs, and blobs small enough to be one. */
export const KEPT_BLOB_MAX_BYTES = 1 << 20;
export const isKept = (entry: TarEntry): boolean =>
  entry.type === 'file' &&
  (entry.kind === 'manifest' || entry.kind === 'index' || entry.kind === 'ociLayout' || entry.kind === 'config' ||
    (entry.kind === 'blob' && entry.size <= KEPT_BLOB_MAX_BYTES));

const CONTAINERD_NAME = 'io.containerd.image.name';
const OCI_REF_NAME = 'org.opencontainers.image.ref.name';

/** Reads images and references from an index; refuses a layout whose two descriptions disagree. */
export function readLayout(index: TarIndex): Result<ArchiveReading, LayoutError> {
  const byName = new Map(index.entries.map((entry) => [entry.name, entry]));
  const present = new Set(index.entries.filter((entry) => entry.type !== 'directory').map((entry) => entry.name));
  const manifest = parseDocument(manifestSchema, index.files.get('manifest.json'), 'manifest.json');
  if (!manifest.ok) {
    const bad = badTagIn(index.files.get('manifest.json'));
    return bad === undefined ? manifest : fail('lab.load.badTag', { tag: shown(bad) });
  }
  const tagCount = manifest.value.reduce((sum, image) => sum + (image.RepoTags?.length ?? 0), 0);
  if (tagCount > TAGS_MAX) return fail('lab.load.tooManyTags', { count: tagCount, max: TAGS_MAX });

  const forwarded = new Set<string>();
  for (const image of manifest.value) {
    const config = byName.get(image.Config);
    if (config?.type !== 'file' || (config.kind !== 'config' && config.kind !== 'blob')) return fail('lab.load.missingPart', { part: shown(image.Config) });
    if (!matchesName(image.Config, index.files.get(image.Config))) return fail('lab.load.digest', { part: shown(image.Config) });
    forwarded.add(image.Config);
    for (const layer of image.Layers) {
      const entry = byName.get(layer);
      if (!entry || (entry.kind !== 'layer' && entry.kind !== 'blob')) return fail('lab.load.missingPart', { part: shown(layer) });
      forwarded.add(layer);
      if (entry.type !== 'symlink') continue;
      const target = byName.get(linkTarget(entry.link));
      if (target?.type !== 'file') return fail('lab.load.missingPart', { part: shown(linkTarget(entry.link)) });
      forwarded.add(target.name);
    }
  }
  const images = manifest.value.map((image) => ({ id: configId(image.Config), tags: image.RepoTags ?? [] }));
  // One tag given to two images: the engine keeps whichever it loads last, which the preview cannot say.
  const owner = new Map<string, string>();
  for (const { id, tags } of images) {
    for (const tag of tags) {
      const name = fullTag(tag) ?? tag;
      if ((owner.get(name) ?? id) !== id) return fail('lab.load.tagTwice', { tag: shown(tag) });
      owner.set(name, id);
    }
  }
  const documents: Array<readonly [string, Buffer]> = [];
  const targets = { named: new Map<string, string>(), unnamed: new Map<string, string>() };

  if (present.has('index.json')) {
    const layout = parseDocument(ociLayoutSchema, index.files.get('oci-layout'), 'oci-layout');
    if (!layout.ok) return layout;
    const oci = parseDocument(indexSchema, index.files.get('index.json'), 'index.json');
    if (!oci.ok) return oci;
    for (const entry of oci.value.manifests) {
      const reached = configsOf(entry.digest, index.files, present);
      if (!reached.ok) return reached;
      for (const blob of reached.value.blobs) forwarded.add(blob);
      const name = nameOf(entry.annotations ?? {});
      if (name === undefined) return fail('lab.load.disagree', { tag: shown(entry.annotations?.[OCI_REF_NAME] ?? entry.digest) });
      if (name === '') {
        for (const config of reached.value.configs) if (!targets.unnamed.has(config)) targets.unnamed.set(config, entry.digest);
        continue;
      }
      // One name pointing at two images: which one the engine keeps is its own choice.
      if ((targets.named.get(name) ?? entry.digest) !== entry.digest) return fail('lab.load.disagree', { tag: shown(name) });
      // The index names an image the manifest must name too, with the same config.
      const agrees = manifest.value.some(
        (image) => reached.value.configs.includes(configId(image.Config)) && (image.RepoTags ?? []).some((tag) => fullTag(tag) === name),
      );
      if (!agrees) return fail('lab.load.disagree', { tag: shown(name) });
      targets.named.set(name, entry.digest);
    }
    const unnamed = images.flatMap((image) => image.tags).find((tag) => !targets.named.has(fullTag(tag) ?? tag));
    if (unnamed !== undefined) return fail('lab.load.disagree', { tag: unnamed });
    documents.push(['oci-layout', Buffer.from(JSON.stringify(layout.value))], ['index.json', Buffer.from(JSON.stringify(oci.value))]);
  }
  documents.push(['manifest.json', Buffer.from(JSON.stringify(manifest.value))]);

  // The folders the forwarded files sit in go along, as docker save lists them.
  for (const name of [...forwarded]) {
    for (const folder of folders(name)) if (byName.get(folder)?.type === 'directory') forwarded.add(folder);
  }
  const containerdImages = present.has('index.json')
    ? imagesByIndex(manifest.value, targets)
    : imagesByLegacyManifest(manifest.value, index.files, byName);
  return ok({ images, entries: index.entries, kept: index.files, forwarded, documents, containerdImages });
}

/**
 * The full name an index entry gives its image: containerd's annotation, with the OCI one agreeing
 * (the bare tag of it, or the same name); '' for an unnamed entry, undefined when the two disagree.
 */
function nameOf(annotations: Readonly<Record<string, string>>): string | undefined {
  const containerd = annotations[CONTAINERD_NAME];
  const oci = annotations[OCI_REF_NAME];
  if (containerd === undefined) return oci === undefined ? '' : undefined;
  const name = fullTag(containerd);
  if (name === undefined) return undefined;
  if (oci === undefined || oci === name.slice(name.lastIndexOf(':') + 1) || fullTag(oci) === name) return name;
  return undefined;
}

/** `a/b/c` → `a/`, `a/b/`. */
function folders(name: string): string[] {
  const parts = name.split('/').slice(0, -1);
  return parts.map((_, at) => `${parts.slice(0, at + 1).join('/')}/`);
}

/**
 * A tag the engine would refuse after unpacking (no tag, a digest, capitals, a control character),
 * in a manifest that is otherwise what docker save writes: worth naming, where a broken manifest is not.
 */
function badTagIn(body: Buffer | undefined): string | undefined {
  const shaped = parseDocument(manifestShapeSchema, body, 'manifest.json');
  return shaped.ok ? shaped.value.flatMap((image) => image.RepoTags ?? []).find((tag) => fullTag(tag) === undefined) : undefined;
}
