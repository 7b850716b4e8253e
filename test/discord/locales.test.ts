import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../bot/discord/commands/index.js';
import { packageRoot } from '../../bot/core/paths.js';
import { resources } from '../../bot/i18n.js';
import { COMMAND_NAME, commandProblems } from '../support/fake-discord/validate.js';

const root = packageRoot(import.meta.url);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Every `ns:key` literal the Discord front passes to `t`, plus template keys expanded for each language. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sources(join(root, 'bot', 'discord'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/t\(\s*['`]((?:common|discord|knowledge):[\w.${}()]+)['`]/g)) {
      const key = match[1]!;
      if (key.includes('${')) for (const lang of ['en', 'ko']) keys.add(key.replace(/\$\{[^}]+\}/, lang));
      else keys.add(key);
    }
  }
  return [...keys].sort();
}

/** A key's text; a key used with a count resolves to its plural forms (`title_other`). */
const lookup = (lang: 'en' | 'ko', key: string): unknown => {
  const [ns, path] = key.split(':') as [keyof (typeof resources)['en'], string];
  return path
    .split('.')
    .reduce<unknown>((node, part) => {
      const entries = node as Record<string, unknown> | undefined;
      return entries?.[part] ?? entries?.[`${part}_other`];
    }, resources[lang][ns]);
};

describe('the Discord front’s text', () => {
  it('finds the keys it uses (so this test can fail)', () => {
    expect(usedKeys()).toEqual(expect.arrayContaining(['discord:answer.footer', 'discord:answer.switch.ko', 'common:error.unexpected']));
  });

  it('has every key it shows users in both English and Korean', () => {
    for (const key of usedKeys()) {
      for (const lang of ['en', 'ko'] as const) {
        const value = lookup(lang, key);
        expect(typeof value === 'string' && value.trim().length > 0, `${lang} ${key}`).toBe(true);
      }
    }
  });

  it('writes every Korean string in Korean', () => {
    const leaves = (node: unknown): string[] =>
      typeof node === 'string' ? [node] : Object.values(node as Record<string, unknown>).flatMap(leaves);
    for (const text of leaves(resources.ko.discord)) expect(text).toMatch(/[가-힣]/);
  });
});

describe('the slash command definitions', () => {
  const definitions = commands.map((command) => command.data as unknown as Record<string, unknown>);

  it('pass Discord’s checks for names, localizations and descriptions', () => {
    expect(commandProblems(definitions)).toEqual([]);
  });

  /** A command, its options, and its subcommands' options, at every depth. */
  const everyItem = (item: Record<string, unknown>): Record<string, unknown>[] => [
    item,
    ...((item.options as Record<string, unknown>[] | undefined) ?? []).flatMap(everyItem),
  ];

  it('give every command, subcommand and option a Korean name that follows Discord’s rule and is lowercase', () => {
    const localized = definitions.flatMap(everyItem);
    expect(localized.map((item) => (item.name_localizations as Record<string, string>).ko)).toEqual(expect.arrayContaining(['추가이미지', '태그없음']));
    for (const item of localized) {
      const name = (item.name_localizations as Record<string, string>).ko ?? '';
      expect(name, String(item.name)).toMatch(COMMAND_NAME);
      expect(name).toBe(name.toLowerCase());
      expect(name).toMatch(/[가-힣]/);
      const description = (item.description_localizations as Record<string, string>).ko ?? '';
      expect(description.length).toBeGreaterThan(0);
      expect(description.length).toBeLessThanOrEqual(100);
    }
  });

  it('call /ask “질문” for Korean clients', () => {
    expect(definitions.find((command) => command.name === 'ask')?.name_localizations).toEqual({ ko: '질문' });
  });
});
