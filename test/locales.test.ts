import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../bot/core/paths.js';

const root = join(packageRoot(import.meta.url), 'locales');

function leaves(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
}

/** Korean has no plural forms, so `x_one`/`x_other` in English match a plain or `_other` key in Korean. */
const keys = (value: unknown) => [...new Set(leaves(value).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))];

const read = (lang: string, file: string) => JSON.parse(readFileSync(join(root, lang, file), 'utf8')) as unknown;

describe('the locales', () => {
  it('have the same namespace files in English and Korean', () => {
    expect(readdirSync(join(root, 'ko')).sort()).toEqual(readdirSync(join(root, 'en')).sort());
  });

  for (const file of readdirSync(join(root, 'en'))) {
    it(`have the same keys in en/${file} and ko/${file}`, () => {
      expect(keys(read('ko', file)).sort()).toEqual(keys(read('en', file)).sort());
    });

    it(`use the same {{placeholders}} in both languages of ${file}`, () => {
      const en = read('en', file);
      const ko = read('ko', file);
      const at = (tree: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], tree);
      const shared = leaves(en).filter((key) => leaves(ko).includes(key));
      for (const key of shared) {
        const names = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(names(at(ko, key)), `${file}:${key}`).toEqual(names(at(en, key)));
      }
    });
  }
});
