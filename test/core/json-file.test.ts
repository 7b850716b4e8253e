import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readOptionalJson } from '../../bot/core/json-file.js';

const schema = z.object({ n: z.number() }).strict();
const failures = { unreadable: 'test.unreadable', invalid: 'test.invalid' } as const;

describe('reading a JSON file a folder may hold', () => {
  it('gives its checked data, or nothing when the file is not there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gorae-json-'));
    await writeFile(join(dir, 'model.json'), '{ "n": 3 }');
    expect(await readOptionalJson(join(dir, 'model.json'), schema, failures)).toEqual({ ok: true, value: { n: 3 } });
    expect(await readOptionalJson(join(dir, 'absent.json'), schema, failures)).toEqual({ ok: true, value: undefined });
  });

  it('says it cannot be read when it is there but no file, and names the field that does not fit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gorae-json-'));
    await mkdir(join(dir, 'folder.json'));
    expect(await readOptionalJson(join(dir, 'folder.json'), schema, failures)).toMatchObject({ ok: false, error: { id: 'test.unreadable', vars: { file: join(dir, 'folder.json') } } });
    await writeFile(join(dir, 'wrong.json'), '{ "n": "three" }');
    expect(await readOptionalJson(join(dir, 'wrong.json'), schema, failures)).toMatchObject({ ok: false, error: { id: 'test.invalid', vars: { field: 'n' } } });
  });
});
