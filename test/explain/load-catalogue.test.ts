import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../bot/explain/load-catalogue.js';
import { realCatalogue } from '../support/catalogue.js';
import { realKnowledge } from '../support/knowledge.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gorae-catalogue-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const command = (name: string, options = '[]') =>
  `commands:\n  - name: ${name}\n    summary: { en: "Does it.", ko: "해요." }\n    options: ${options}\n`;

describe('loading the command catalogue', () => {
  it('loads the real catalogue with run, its inherited options and the global ones', async () => {
    const catalogue = await realCatalogue();
    const run = catalogue.command('container run')!;
    expect(run.name).toBe('run');
    const names = catalogue.options(run).map((option) => option.name);
    expect(names).toEqual(expect.arrayContaining(['publish', 'detach', 'rm', 'help']));
    expect(names).not.toContain('host');
  });

  it('links only topics the knowledge base holds', async () => {
    const [catalogue, knowledge] = await Promise.all([realCatalogue(), realKnowledge()]);
    const linked = catalogue.commands.flatMap((command) => [...command.topics, ...command.options.flatMap((option) => option.topics)]);
    expect(linked.filter((id) => knowledge.topic(id) === undefined)).toEqual([]);
  });

  it('names the file and field of an invalid entry', async () => {
    const dir = await folderWith({ 'bad.yaml': command('run', '[{ name: Publish, value: true, en: "x", ko: "y" }]') });
    expect(await loadCatalogue(dir)).toEqual({
      ok: false,
      error: { id: 'explain.load.invalid', vars: { file: join(dir, 'bad.yaml'), field: 'commands.0.options.0.name', reason: expect.any(String) } },
    });
  });

  it('refuses a hiddenSince that contradicts hidden, since or until', async () => {
    const cases = [
      '{ name: pause, value: false, hidden: true, hiddenSince: "29.0", en: "x", ko: "y" }',
      '{ name: pause, value: false, since: "29.0", hiddenSince: "29.0", en: "x", ko: "y" }',
      '{ name: pause, value: false, since: "28.10", hiddenSince: "28.2", en: "x", ko: "y" }',
      '{ name: pause, value: false, until: "29.0", hiddenSince: "29.1", en: "x", ko: "y" }',
    ];
    for (const option of cases) {
      const dir = await folderWith({ 'bad.yaml': command('commit', `[${option}]`) });
      expect(await loadCatalogue(dir), option).toMatchObject({ ok: false, error: { id: 'explain.load.invalid', vars: { field: 'commands.0.options.0.hiddenSince' } } });
    }
    const fine = await folderWith({ 'good.yaml': command('commit', '[{ name: pause, value: false, since: "28.2", hiddenSince: "28.10", until: "30.0", en: "x", ko: "y" }]') });
    expect(await loadCatalogue(fine)).toMatchObject({ ok: true });
  });

  it('refuses a command named twice and an option spelled twice', async () => {
    const twice = await folderWith({ 'a.yaml': command('ps'), 'b.yaml': command('ps') });
    expect(await loadCatalogue(twice)).toMatchObject({ ok: false, error: { id: 'explain.load.invalid', vars: { field: 'ps', reason: 'named twice' } } });
    const short = await folderWith({ 'a.yaml': command('ps', '[{ name: all, short: a, value: false, en: "x", ko: "y" }, { name: any, short: a, value: false, en: "x", ko: "y" }]') });
    expect(await loadCatalogue(short)).toMatchObject({ ok: false, error: { vars: { field: 'ps.-a', reason: 'named twice' } } });
  });

  it('reports an unreadable folder', async () => {
    expect(await loadCatalogue('/nonexistent/gorae')).toMatchObject({ ok: false, error: { id: 'explain.load.unreadable' } });
  });
});
