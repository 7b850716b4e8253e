import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../bot/core/clock.js';
import type { ArchiveServices } from '../../../bot/lab/archive/save.js';
import { createExchange } from '../../../bot/lab/exchange.js';
import { DEFAULT_HOST } from '../../../bot/lab/hosts.js';
import { enginesFor } from '../../support/engines.js';
import { dockerAt } from '../../support/docker-cli.js';
import { importBusybox, removeLabelled, testLabel } from '../../support/lab-images.js';
import { importRandomImage } from '../../support/random-image.js';

/**
 * A fresh exchange folder and archive ports on the test engine. Images made through `image` carry
 * this harness's label, so cleanup removes them all, the ones a load left dangling included.
 */
export async function archiveHarness(dockerHost: string) {
  const base = await mkdtemp(join(tmpdir(), 'gorae-archive-'));
  const dir = join(base, 'exchange');
  const engine = enginesFor(dockerHost).get(DEFAULT_HOST)!;
  const ports: ArchiveServices = { engine, exchange: createExchange(dir), clock: systemClock, who: 'tester' };
  const label = testLabel('archive');
  return {
    base,
    dir,
    ports,
    labels: label.labels,
    docker: (...args: string[]) => dockerAt(dockerHost, args),
    /** A labelled busybox image under `tag`, or one with `megabytes` of random data; returns its id. */
    image: (tag: string, megabytes = 0, labels: Readonly<Record<string, string>> = {}) =>
      megabytes > 0
        ? importRandomImage(dockerHost, tag, megabytes, { ...label.labels, ...labels })
        : importBusybox(dockerHost, tag, { ...label.labels, ...labels }),
    files: async () => (await readdir(dir).catch(() => [] as string[])).sort(),
    async cleanup() {
      await removeLabelled(dockerHost, label.label);
      await rm(base, { recursive: true, force: true });
    },
  };
}

export type ArchiveHarness = Awaited<ReturnType<typeof archiveHarness>>;

/** A repository path of this test run's own, so runs side by side never retag each other's images. */
export const runRepository = (kind: string): string => `gorae-archive-${testLabel(kind).labelValue}`;

/** The image id a tag names on the engine, or undefined when the tag is not there. */
export async function imageId(harness: ArchiveHarness, tag: string): Promise<string | undefined> {
  const found = await harness.docker('image', 'inspect', '--format', '{{.Id}}', tag).catch(() => undefined);
  return found?.stdout.trim();
}
