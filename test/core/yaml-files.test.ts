import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readYamlFolder } from '../../bot/core/yaml-files.js';

const schema = z.object({ n: z.number() }).strict();
const failures = { unreadable: 'test.unreadable', invalid: 'test.invalid' } as const;

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gorae-yaml-'));
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)));
  return dir;
}

describe('reading a folder of YAML files', () => {
  it('gives every .yaml file in name order, each checked, and nothing else', async () => {
    const names = Array.from({ length: 40 }, (_, k) => `topic-${String(k).padStart(2, '0')}.yaml`);
    const dir = await folderWith({ ...Object.fromEntries([...names].reverse().map((name, k) => [name, `n: ${39 - k}\n`])), 'notes.txt': 'n: x' });
    const read = await readYamlFolder(dir, schema, failures);
    expect(read.ok && read.value.map(({ name, value }) => [name, value.n])).toEqual(names.map((name, k) => [name, k]));
  });

  it('names the first broken file in name order, however the reads finish', async () => {
    const dir = await folderWith({ 'a.yaml': 'n: 1\n', 'b.yaml': 'n: [unclosed\n', 'c.yaml': 'n: two\n', 'd.yaml': 'n: 4\n' });
    expect(await readYamlFolder(dir, schema, failures)).toMatchObject({ ok: false, error: { id: 'test.invalid', vars: { file: join(dir, 'b.yaml'), field: '(yaml)' } } });
  });

  it('says the folder cannot be read when it is missing', async () => {
    const dir = join(tmpdir(), 'gorae-yaml-missing-folder');
    expect(await readYamlFolder(dir, schema, failures)).toMatchObject({ ok: false, error: { id: 'test.unreadable', vars: { file: dir } } });
  });
});
