import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isKept, readLayout } from '../../../bot/lab/archive/archive-reading.js';
import { indexTar, streamSource } from '../../../bot/lab/archive/tar-index.js';
import { tarOf } from './archives.js';

const sha = (body: Buffer) => createHash('sha256').update(body).digest('hex');
const configOf = (os: string) => Buffer.from(JSON.stringify({ architecture: 'amd64', os, rootfs: { type: 'layers', diff_ids: [] } }));
const [one, other] = [configOf('linux'), configOf('windows')];

/** The reading of a classic docker-save archive of the two configs, tagged as given. */
async function readingOf(tags: readonly [readonly string[], readonly string[]]) {
  const archive = await tarOf([
    [`${sha(one)}.json`, one],
    [`${sha(other)}.json`, other],
    [
      'manifest.json',
      Buffer.from(
        JSON.stringify([
          { Config: `${sha(one)}.json`, RepoTags: tags[0], Layers: [] },
          { Config: `${sha(other)}.json`, RepoTags: tags[1], Layers: [] },
        ]),
      ),
    ],
  ]);
  const index = await indexTar(streamSource(Readable.from([archive])), isKept);
  if (!index.ok) throw new Error(index.error.id);
  return readLayout(index.value);
}

describe('reading what an archive will load', () => {
  it('refuses one tag given to two images, however the name is written, since the engine keeps whichever comes last', async () => {
    expect(await readingOf([['app:1'], ['app:1']])).toEqual({ ok: false, error: { id: 'lab.load.tagTwice', vars: { tag: 'app:1' } } });
    expect(await readingOf([['app:1'], ['docker.io/library/app:1']])).toEqual({ ok: false, error: { id: 'lab.load.tagTwice', vars: { tag: 'docker.io/library/app:1' } } });
  });

  it('names a tag the engine would refuse after unpacking, its control characters made harmless', async () => {
    expect(await readingOf([['App:1'], ['app:2']])).toEqual({ ok: false, error: { id: 'lab.load.badTag', vars: { tag: 'App:1' } } });
    expect(await readingOf([['app'], []])).toEqual({ ok: false, error: { id: 'lab.load.badTag', vars: { tag: 'app' } } });
    const broken = await indexTar(streamSource(Readable.from([await tarOf([['manifest.json', Buffer.from(JSON.stringify([{ RepoTags: ['App:1'] }]))]])])), isKept);
    expect(broken.ok && readLayout(broken.value), 'a manifest broken otherwise is no bad tag').toMatchObject({ ok: false, error: { id: 'lab.load.notImages' } });
    const escaped = await readingOf([['app:1\u001b[2J'], []]);
    expect(escaped.ok ? 'read' : escaped.error.vars?.tag).not.toContain('\u001b');
  });

  it('reads two images with tags of their own, and one image tagged twice', async () => {
    const reading = await readingOf([['app:1', 'app:latest'], ['app:2']]);
    expect(reading.ok && reading.value.images).toEqual([
      { id: `sha256:${sha(one)}`, tags: ['app:1', 'app:latest'] },
      { id: `sha256:${sha(other)}`, tags: ['app:2'] },
    ]);
  });
});
