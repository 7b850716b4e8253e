import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../../bot/lab/archive/load.js';
import { END, entriesOf, paxEntry, rawEntry, tarOf } from './archives.js';
import { labEngines, usableHost } from '../../support/test-engines.js';
import { archiveHarness, imageId, runRepository, type ArchiveHarness } from './harness.js';

const REPOSITORY = runRepository('strict');

/*
 * Archives that read one way to a lenient parser and another way to the engine: each is refused
 * before the engine sees a byte, and the tag the attacker hid is never set.
 */
describe.each(labEngines())('an archive read the way the engine would read it differently ($name)', (testEngine) => {
  let h: ArchiveHarness;
  let entries: Array<[string, Buffer]>;
  let manifest: Array<{ Config: string; RepoTags: string[]; Layers: string[] }>;
  const shown = `${REPOSITORY}/shown:1`;
  const hidden = `${REPOSITORY}/hidden:1`;

  beforeAll(async () => {
    h = await archiveHarness(usableHost(testEngine));
    await h.ports.exchange.root();
    await h.image(shown);
    await h.docker('save', '-o', join(h.base, 'source.tar'), shown);
    await h.docker('rmi', shown);
    entries = await entriesOf(await readFile(join(h.base, 'source.tar')));
    manifest = JSON.parse(String(entries.find(([name]) => name === 'manifest.json')![1])) as typeof manifest;
  });
  afterAll(async () => {
    await h.cleanup();
  });

  const withoutManifest = () => entries.filter(([name]) => name !== 'manifest.json');
  const manifestWith = (tags: string[]) => Buffer.from(JSON.stringify([{ ...manifest[0], RepoTags: tags }]));
  const refusal = async (file: string, archive: Buffer) => {
    await writeFile(join(h.dir, file), archive);
    const loaded = await loadArchive({ file, yes: true }, h.ports);
    expect(await imageId(h, hidden)).toBeUndefined();
    expect(await imageId(h, shown)).toBeUndefined();
    return loaded.ok ? 'loaded' : loaded.error.id;
  };

  it('refuses a second RepoTags key spelt in another case, which Go would read last', async () => {
    const twice = `[{"Config":${JSON.stringify(manifest[0]!.Config)},"RepoTags":["${shown}"],"Layers":${JSON.stringify(manifest[0]!.Layers)},"repoTags":["${hidden}"]}]`;
    expect(await refusal('cased.tar', await tarOf([...withoutManifest(), ['manifest.json', Buffer.from(twice)]]))).toBe('lab.load.notImages');
  });

  it('refuses a second manifest under another spelling of its path', async () => {
    for (const spelling of ['x/../manifest.json', '/manifest.json', './/manifest.json', './manifest.json']) {
      const archive = await tarOf([...entries, [spelling, manifestWith([hidden])]]);
      expect(await refusal('spelt.tar', archive), spelling).toBe('lab.load.foreign');
    }
  });

  it('refuses a link followed by a path through it', async () => {
    const archive = await tarOf([...entries, [{ name: 'd', type: 'symlink', linkname: '.' }], ['d/manifest.json', manifestWith([hidden])]]);
    expect(await refusal('linked.tar', archive)).toBe('lab.load.foreign');
  });

  it('refuses a PAX path, a GNU long name, and a name in the USTAR prefix field', async () => {
    const files = await tarOf(withoutManifest());
    const body = files.subarray(0, files.length - 1024);
    const pax = Buffer.concat([body, paxEntry({ path: 'manifest.json' }), rawEntry('manifest.jso', manifestWith([hidden])), END]);
    const gnu = Buffer.concat([
      body,
      rawEntry('././@LongLink', Buffer.from('manifest.json\0'), (block) => block.write('L', 156, 'latin1')),
      rawEntry('manifest.json', manifestWith([hidden]), (block) => block.write('ustar  \0', 257, 'latin1')),
      END,
    ]);
    const prefixed = Buffer.concat([
      body,
      rawEntry('manifest.json', manifestWith([shown])),
      rawEntry('manifest.json', manifestWith([hidden]), (block) => {
        block.write('ustar  \0', 257, 'latin1');
        block.write('x', 345, 'latin1');
      }),
      END,
    ]);
    expect(await refusal('pax.tar', pax)).toBe('lab.load.foreign');
    expect(await refusal('gnu.tar', gnu)).toBe('lab.load.foreign');
    expect(await refusal('prefix.tar', prefixed)).toBe('lab.load.foreign');
  });

  it('refuses an OCI index that names another image than the manifest', async () => {
    const archive = await ociArchive(entries, manifest[0]!, { manifestTag: shown, indexTag: hidden });
    expect(await refusal('index.tar', archive)).toBe('lab.load.disagree');
  });

  it('loads an OCI layout whose index and manifest agree', async () => {
    await writeFile(join(h.dir, 'agreed.tar'), await ociArchive(entries, manifest[0]!, { manifestTag: shown, indexTag: shown }));
    const loaded = await loadArchive({ file: 'agreed.tar', yes: true }, h.ports);
    expect(loaded.ok ? loaded.value.loaded : loaded.error).toEqual([shown]);
    await h.docker('rmi', shown);
  });

  it('refuses an archive setting more tags than a plan can show, before asking the engine about any', async () => {
    const tags = Array.from({ length: 300 }, (_, at) => `${REPOSITORY}/many:${at}`);
    expect(await refusal('many.tar', await tarOf([...withoutManifest(), ['manifest.json', manifestWith(tags)]]))).toBe('lab.load.tooManyTags');
  });

  it('refuses a tag the engine would refuse after unpacking: one without a tag, one with a digest', async () => {
    for (const tag of [`${REPOSITORY}/notag`, `${REPOSITORY}/d:1@sha256:${'a'.repeat(64)}`]) {
      expect(await refusal('badtag.tar', await tarOf([...withoutManifest(), ['manifest.json', manifestWith([tag])]])), tag).toBe('lab.load.badTag');
    }
  });
});

/** The same image in the OCI layout of Docker ≥ 25, its index and manifest naming the tags given. */
async function ociArchive(
  legacy: Array<[string, Buffer]>,
  image: { Config: string; Layers: string[] },
  names: { manifestTag: string; indexTag: string },
): Promise<Buffer> {
  const sha = (body: Buffer) => createHash('sha256').update(body).digest('hex');
  const config = legacy.find(([name]) => name === image.Config)![1];
  const layer = legacy.find(([name]) => name === image.Layers[0])![1];
  const descriptor = (mediaType: string, body: Buffer) => ({ mediaType, digest: `sha256:${sha(body)}`, size: body.length });
  const ociManifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: descriptor('application/vnd.oci.image.config.v1+json', config),
      // The containerd store's docker save writes the layer gzipped, the classic one as a plain tar.
      layers: [descriptor(`application/vnd.oci.image.layer.v1.tar${layer[0] === 0x1f && layer[1] === 0x8b ? '+gzip' : ''}`, layer)],
    }),
  );
  const index = {
    schemaVersion: 2,
    manifests: [
      {
        ...descriptor('application/vnd.oci.image.manifest.v1+json', ociManifest),
        annotations: { 'io.containerd.image.name': `docker.io/${names.indexTag}`, 'org.opencontainers.image.ref.name': '1' },
      },
    ],
  };
  const blob = (body: Buffer): [string, Buffer] => [`blobs/sha256/${sha(body)}`, body];
  return tarOf([
    [{ name: 'blobs/', type: 'directory' }],
    [{ name: 'blobs/sha256/', type: 'directory' }],
    blob(config),
    blob(layer),
    blob(ociManifest),
    ['index.json', Buffer.from(JSON.stringify(index))],
    ['manifest.json', Buffer.from(JSON.stringify([{ Config: `blobs/sha256/${sha(config)}`, RepoTags: [names.manifestTag], Layers: [`blobs/sha256/${sha(layer)}`] }]))],
    ['oci-layout', Buffer.from('{"imageLayoutVersion":"1.0.0"}')],
  ]);
}
