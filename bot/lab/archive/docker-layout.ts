import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '../../core/result.js';
import { shown } from '../actions.js';
import { parseNormalizedNamed } from '../reference.js';

/*
 * What `docker save` writes, as a short list of names (legacy layout of Docker ≤ 24, OCI layout of
 * Docker ≥ 25), and how its manifest.json and index.json name images. The engine reads exactly the
 * documents parsed here: they are re-written from these schemas, so a key another JSON reader would
 * match differently (Go matches keys case-insensitively) is refused rather than passed on.
 */

export type EntryKind = 'manifest' | 'index' | 'ociLayout' | 'repositories' | 'config' | 'legacy' | 'layer' | 'blob' | 'directory';

const HEX = '[0-9a-f]{64}';
const FILES: ReadonlyArray<[RegExp, EntryKind]> = [
  [/^manifest\.json$/, 'manifest'],
  [/^index\.json$/, 'index'],
  [/^oci-layout$/, 'ociLayout'],
  [/^repositories$/, 'repositories'],
  [new RegExp(`^${HEX}\\.json$`), 'config'],
  [new RegExp(`^${HEX}/(?:VERSION|json)$`), 'legacy'],
  [new RegExp(`^${HEX}/layer\\.tar$`), 'layer'],
  [new RegExp(`^blobs/sha256/${HEX}$`), 'blob'],
];
const DIRECTORY = new RegExp(`^(?:${HEX}|blobs|blobs/sha256)/$`);
/** A shared layer in the legacy layout links to its first copy, as docker save writes it. */
const LAYER_LINK = new RegExp(`^\\.\\./(?:${HEX}/layer\\.tar|blobs/sha256/${HEX})$`);

/** What a name is in docker save's layout, or undefined for anything it never writes. */
export function entryKind(name: string, type: 'file' | 'directory' | 'symlink', link: string): EntryKind | undefined {
  if (type === 'directory') return DIRECTORY.test(name) && link === '' ? 'directory' : undefined;
  const kind = FILES.find(([pattern]) => pattern.test(name))?.[1];
  if (type === 'file') return link === '' ? kind : undefined;
  return kind === 'layer' && LAYER_LINK.test(link) ? kind : undefined;
}

/** Where a layer link points, as an entry name. */
export const linkTarget = (link: string): string => link.slice('../'.length);

/** Tags docker load sets: a name with a tag and no digest (it refuses anything else after unpacking). */
const tag = z.string().refine((text) => fullTag(text) !== undefined);

/** The most tags one archive may set: each is looked up before the question and checked after the load. */
export const TAGS_MAX = 256;

const digest = z.string().regex(new RegExp(`^sha256:${HEX}$`));

const manifestOf = (repoTag: z.ZodType<string>) =>
  z
    .array(
      z.strictObject({
        Config: z.string(),
        RepoTags: z.array(repoTag).nullish(),
        Layers: z.array(z.string()),
      }),
    )
    .min(1);

export const manifestSchema = manifestOf(tag);

/** The manifest's shape with any text for a tag: what tells a bad tag from a broken manifest. */
export const manifestShapeSchema = manifestOf(z.string());

const descriptor = z.strictObject({
  mediaType: z.string(),
  digest,
  size: z.number().int().nonnegative(),
  annotations: z.record(z.string(), z.string()).optional(),
  platform: z.record(z.string(), z.unknown()).optional(),
  artifactType: z.string().optional(),
});

export const indexSchema = z.strictObject({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  manifests: z.array(descriptor),
  annotations: z.record(z.string(), z.string()).optional(),
});

/** An OCI image manifest blob: only the parts that name other blobs matter here. */
const imageManifestSchema = z.object({ config: descriptor.partial({ annotations: true }), layers: z.array(descriptor) });

export const ociLayoutSchema = z.strictObject({ imageLayoutVersion: z.literal('1.0.0') });

export const INDEX_MEDIA_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

export type LayoutError = 'lab.load.notImages' | 'lab.load.missingPart' | 'lab.load.digest' | 'lab.load.disagree' | 'lab.load.tagTwice' | 'lab.load.badTag' | 'lab.load.tooManyTags';

/** Parses a JSON document with a schema; any failure is `notImages`, naming the document. */
export function parseDocument<T>(schema: z.ZodType<T>, body: Buffer | undefined, name: string): Result<T, 'lab.load.notImages'> {
  if (body === undefined) return fail('lab.load.notImages', { part: name });
  try {
    const checked = schema.safeParse(JSON.parse(body.toString('utf8')));
    return checked.success ? ok(checked.data) : fail('lab.load.notImages', { part: name });
  } catch {
    return fail('lab.load.notImages', { part: name });
  }
}

/** A kept document must hold exactly what its name says (content-addressed names). */
export function matchesName(name: string, body: Buffer | undefined): boolean {
  const hex = /([0-9a-f]{64})(?:\.json)?$/.exec(name)?.[1];
  return body !== undefined && hex !== undefined && createHash('sha256').update(body).digest('hex') === hex;
}

/** `blobs/sha256/abc…` for `sha256:abc…`. */
export const blobName = (digestText: string): string => `blobs/sha256/${digestText.slice('sha256:'.length)}`;

/** The image id of a config entry: `abc….json` or `blobs/sha256/abc…` → `sha256:abc…`. */
export const configId = (name: string): string => `sha256:${/([0-9a-f]{64})(?:\.json)?$/.exec(name)![1]}`;

/** A tag in the form the engine stores it (`docker.io/library/x:1`); undefined unless a name with a tag and no digest. */
export function fullTag(text: string): string | undefined {
  const parsed = parseNormalizedNamed(text);
  if (!parsed.ok || parsed.named.tag === undefined || parsed.named.digest !== undefined) return undefined;
  return `${parsed.named.domain}/${parsed.named.path}:${parsed.named.tag}`;
}

/** The config digests an OCI descriptor leads to (an image manifest, or an index of them), present blobs only. */
export function configsOf(
  digestText: string,
  documents: ReadonlyMap<string, Buffer>,
  present: ReadonlySet<string>,
  depth = 0,
): Result<{ configs: string[]; blobs: string[] }, LayoutError> {
  const name = blobName(digestText);
  const body = documents.get(name);
  if (!present.has(name)) return fail('lab.load.missingPart', { part: shown(name) });
  if (!matchesName(name, body)) return fail('lab.load.digest', { part: shown(name) });
  const json = parseDocument(z.object({ mediaType: z.string().optional(), manifests: z.array(descriptor).optional() }), body, name);
  if (!json.ok) return json;
  if (json.value.manifests !== undefined) {
    if (depth > 1) return fail('lab.load.notImages', { part: name });
    const found = { configs: [] as string[], blobs: [name] };
    // A multi-platform index lists platforms docker save did not include: only those present are followed.
    for (const child of json.value.manifests.filter((entry) => present.has(blobName(entry.digest)))) {
      const inner = configsOf(child.digest, documents, present, depth + 1);
      if (!inner.ok) return inner;
      found.configs.push(...inner.value.configs);
      found.blobs.push(...inner.value.blobs);
    }
    return ok(found);
  }
  const manifest = parseDocument(imageManifestSchema, body, name);
  if (!manifest.ok) return manifest;
  const parts = [manifest.value.config.digest, ...manifest.value.layers.map((layer) => layer.digest)].map(blobName);
  const missing = parts.find((part) => !present.has(part));
  if (missing !== undefined) return fail('lab.load.missingPart', { part: shown(missing) });
  return ok({ configs: [manifest.value.config.digest], blobs: [name, ...parts] });
}
