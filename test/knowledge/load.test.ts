import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../bot/core/paths.js';
import { loadTopics } from '../../bot/knowledge/load.js';

const knowledgeDir = join(packageRoot(import.meta.url), 'knowledge');

async function copyWith(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gorae-knowledge-'));
  await cp(knowledgeDir, dir, { recursive: true });
  await writeFile(join(dir, name), text);
  return dir;
}

describe('loading the knowledge base', () => {
  it('loads every topic file of the real knowledge base', async () => {
    const result = await loadTopics(knowledgeDir);
    expect(result.ok && result.value.length).toBeGreaterThanOrEqual(50);
  });

  it('names the file and the field when a required field is missing', async () => {
    const dir = await copyWith('broken.yaml', 'id: broken\nsource: [docker-docs]\nen: {title: x}\n');
    const result = await loadTopics(dir);
    expect(result).toMatchObject({ ok: false, error: { id: 'knowledge.load.invalid', vars: { file: join(dir, 'broken.yaml'), field: 'en.summary' } } });
  });

  it('names the file when its YAML does not parse', async () => {
    const dir = await copyWith('bad-yaml.yaml', 'id: [unclosed\n');
    const result = await loadTopics(dir);
    expect(result).toMatchObject({ ok: false, error: { vars: { file: join(dir, 'bad-yaml.yaml'), field: '(yaml)' } } });
  });

  it('refuses a related id that no topic has', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gorae-knowledge-'));
    const side = (title: string) => ({ title, summary: 's', answer: 'a'.repeat(130), aliases: [title], keywords: [] });
    await writeFile(join(dir, 'only.yaml'), JSON.stringify({ id: 'only', source: ['docker-docs'], related: ['ghost'], en: side('Only'), ko: side('하나') }));
    const result = await loadTopics(dir);
    expect(result).toMatchObject({ ok: false, error: { vars: { field: 'related.0' } } });
  });

  it('refuses a topic whose id differs from its file name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gorae-knowledge-'));
    const side = (title: string) => ({ title, summary: 's', answer: 'a'.repeat(130), aliases: [title], keywords: [] });
    await writeFile(join(dir, 'one.yaml'), JSON.stringify({ id: 'two', source: ['docker-docs'], en: side('One'), ko: side('하나') }));
    expect(await loadTopics(dir)).toMatchObject({ ok: false, error: { vars: { field: 'id' } } });
  });
});
