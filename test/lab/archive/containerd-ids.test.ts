import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isKept, readLayout } from '../../../bot/lab/archive/archive-reading.js';
import { indexTar, streamSource } from '../../../bot/lab/archive/tar-index.js';
import { tarOf } from './archives.js';

const sha = (body: Buffer | string) => createHash('sha256').update(body).digest('hex');
const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }));
const descriptor = (mediaType: string, body: Buffer) => ({ mediaType, digest: `sha256:${sha(body)}`, size: body.length });
/** Two manifests of one config, told apart by an annotation, as a rebuilt or re-pushed image can be. */
const manifestOf = (variant: string) =>
  Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: descriptor('application/vnd.oci.image.config.v1+json', config),
      layers: [],
      annotations: { variant },
    }),
  );
const [first, second] = [manifestOf('first'), manifestOf('second')];
const named = (body: Buffer, name?: string) => ({
  ...descriptor('application/vnd.oci.image.manifest.v1+json', body),
  ...(name === undefined ? {} : { annotations: { 'io.containerd.image.name': `docker.io/library/${name}` } }),
});

/** The reading of an OCI layout whose index.json lists `entries` and whose manifest.json sets `tags`. */
async function readingOf(entries: object[], tags: string[]) {
  const blob = (body: Buffer): [string, Buffer] => [`blobs/sha256/${sha(body)}`, body];
  const archive = await tarOf([
    blob(config),
    blob(first),
    blob(second),
    ['index.json', Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: entries }))],
    ['manifest.json', Buffer.from(JSON.stringify([{ Config: `blobs/sha256/${sha(config)}`, RepoTags: tags, Layers: [] }]))],
    ['oci-layout', Buffer.from('{"imageLayoutVersion":"1.0.0"}')],
  ]);
  const index = await indexTar(streamSource(Readable.from([archive])), isKept);
  if (!index.ok) throw new Error(index.error.id);
  return readLayout(index.value);
}

describe('image ids on the containerd image store', () => {
  it('are the digests index.json points each name at, one image per target', async () => {
    const reading = await readingOf([named(first, 'app:1'), named(second, 'app:2'), named(first, 'app:3')], ['app:1', 'app:2', 'app:3']);
    expect(reading.ok && reading.value.images).toEqual([{ id: `sha256:${sha(config)}`, tags: ['app:1', 'app:2', 'app:3'] }]);
    expect(reading.ok && reading.value.containerdImages).toEqual([
      { id: `sha256:${sha(first)}`, tags: ['app:1', 'app:3'] },
      { id: `sha256:${sha(second)}`, tags: ['app:2'] },
    ]);
  });

  it('are the unnamed entry’s digest for an image without tags', async () => {
    const reading = await readingOf([named(second)], []);
    expect(reading.ok && reading.value.containerdImages).toEqual([{ id: `sha256:${sha(second)}`, tags: [] }]);
  });

  it('refuse an index naming one tag twice with two images, since which one the engine keeps is its own choice', async () => {
    const reading = await readingOf([named(first, 'app:1'), named(second, 'app:1')], ['app:1']);
    expect(reading).toEqual({ ok: false, error: { id: 'lab.load.disagree', vars: { tag: 'docker.io/library/app:1' } } });
  });
});
