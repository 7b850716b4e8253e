import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, ImageInfo } from '../../bot/lab/engine.js';
import { IMAGES_HEADER, imageRows, imagesTable } from '../../bot/lab/images.js';
import { renderTable } from '../../bot/lab/tables.js';
import { expectSameTable } from '../support/compare-tables.js';
import { defaultEngine } from '../support/engines.js';
import { imageScene, type Scene } from '../support/lab-images.js';
import { labEngines, usableHost } from '../support/test-engines.js';

/** The scene's busybox image as each store measures it: the containerd one counts the compressed layer as well as the unpacked one. */
const BUSYBOX_SIZE = { 'classic image store': '1.98MB', 'containerd image store': '3.06MB' } as const;

describe.each(labEngines())('images against the real docker CLI on the same engine ($name)', (testEngine) => {
  let scene: Scene;
  let engine: Engine;

  beforeAll(async () => {
    const dockerHost = usableHost(testEngine);
    engine = defaultEngine(dockerHost);
    scene = await imageScene(dockerHost);
  }, 120_000);
  afterAll(async () => {
    await scene?.cleanup();
  });

  /** Gorae's `images` table for this scene's images only, so other tests' images don't interfere. */
  async function goraeImages(all: boolean, dangling: boolean): Promise<{ text: string }> {
    const listed = await engine.listImages({ all, dangling });
    if (!listed.ok) throw new Error(listed.error.id);
    const mine = listed.value.filter((image: ImageInfo) => image.Labels?.[scene.labelKey] === scene.labelValue);
    return { text: renderTable(imagesTable(imageRows(mine, new Date()))).text };
  }

  async function compare(all: boolean, dangling: boolean, cliArgs: string[]): Promise<string> {
    const before = (await goraeImages(all, dangling)).text;
    const theirs = (await scene.docker('images', ...cliArgs, '--filter', `label=${scene.label}`)).stdout;
    const after = (await goraeImages(all, dangling)).text;
    // Rows of one image under several names, and images made in the same second, come in no fixed order from the CLI.
    expectSameTable(theirs, before, after, { headers: IMAGES_HEADER, volatile: ['CREATED'], sortRows: true });
    return before;
  }

  it('prints the same table as `docker images`: one row per name, registries kept, the dangling one as <none>, old ages in whole units', async () => {
    const table = await compare(false, false, []);
    expect(table).toContain('localhost:5000/gorae-');
    expect(table).toMatch(/<none>\s+<none>/);
    expect(table).toContain(BUSYBOX_SIZE[testEngine.name]);
    for (const age of ['2 days ago', '2 weeks ago', '2 months ago']) expect(table).toContain(age);
  });

  it('prints the same table as `docker images -a`, intermediate layers included', async () => {
    const plain = await goraeImages(false, false);
    const table = await compare(true, false, ['-a']);
    const nones = (text: string) => text.split('\n').filter((line) => line.startsWith('<none>')).length;
    expect(nones(table)).toBeGreaterThan(nones(plain.text));
  });

  it('prints the same table as `docker images --filter dangling=true`', async () => {
    const table = await compare(false, true, ['--filter', 'dangling=true']);
    expect(table.split('\n').slice(1).every((line) => line.startsWith('<none>'))).toBe(true);
    expect(table.split('\n')).toHaveLength(2);
  });
});

describe('image rows for what the scene cannot make', () => {
  const now = new Date(1_700_000_100_000);
  const base: ImageInfo = {
    Id: 'sha256:01aeed8c9cd87ad81d7bd9b9c98f2da699e245cfbf7ae67ef323a9cb43e32fe2',
    ParentId: '',
    RepoTags: [],
    RepoDigests: [],
    Created: 1_700_000_000,
    Size: 1_982_305,
    VirtualSize: 1_982_305,
    SharedSize: -1,
    Labels: {},
    Containers: -1,
  };
  const rows = (overrides: Partial<ImageInfo>) => imageRows([{ ...base, ...overrides }], now).map((row) => `${row.repository} ${row.tag}`);

  it('shows an untagged image, however the engine spells it, as <none> <none>', () => {
    expect(rows({ RepoTags: undefined, RepoDigests: undefined })).toEqual(['<none> <none>']);
    expect(rows({ RepoTags: ['<none>:<none>'], RepoDigests: ['<none>@<none>'] })).toEqual(['<none> <none>']);
  });

  it('shows a repository known only by digest with tag <none>, and hides digests of tagged ones', () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    expect(rows({ RepoDigests: [`docker.io/library/busybox@${digest}`] })).toEqual(['busybox <none>']);
    expect(rows({ RepoTags: ['busybox:1'], RepoDigests: [`busybox@${digest}`] })).toEqual(['busybox 1']);
  });

  it('groups tags by familiar repository', () => {
    expect(rows({ RepoTags: ['docker.io/library/app:1', 'app:2', 'registry.example.com/app:1'] })).toEqual(['app 1', 'app 2', 'registry.example.com/app 1']);
  });

  it('writes the id short, the age against the clock and the size in decimal units', () => {
    expect(imageRows([{ ...base, RepoTags: ['app:1'] }], now)[0]).toMatchObject({ id: '01aeed8c9cd8', created: 'About a minute ago', size: '1.98MB', bytes: 1_982_305 });
  });

  it('keeps every value whole for JSON: the full ID, an ISO time and the size in bytes', () => {
    const [row] = imageRows([{ ...base, RepoTags: ['app:1'] }], now);
    expect(row!.record).toEqual({ repository: 'app', tag: '1', id: base.Id, created: new Date(base.Created * 1000).toISOString(), size: 1_982_305 });
  });
});
