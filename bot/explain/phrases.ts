import type { Lang } from '../core/lang.js';
import { resources } from '../i18n.js';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type WithoutPlural<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

/** A key of the explain namespace (explain.json in each locale), plural forms under their base name. */
export type ExplainKey = WithoutPlural<Leaves<(typeof resources)['en']['explain']>>;
export type Phrase = (key: ExplainKey, vars?: Readonly<Record<string, string | number>>) => string;

/**
 * The explain namespace's strings in one language, with `{{name}}` filled in and `count` choosing
 * the plural form as i18next does. An explanation builds some thirty strings; i18next's t() spends
 * tens of microseconds on each and pauses for milliseconds now and then, which the 2 ms budget for
 * a whole explanation cannot carry.
 */
export function phrasebook(lang: Lang): Phrase {
  const strings = resources[lang].explain as unknown as Record<string, unknown>;
  const plural = new Intl.PluralRules(lang);
  const cache = new Map<string, string>();
  const template = (path: string): string | undefined => {
    let found = cache.get(path);
    if (found === undefined) {
      const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], strings);
      if (typeof value !== 'string') return undefined;
      cache.set(path, (found = value));
    }
    return found;
  };
  return (key, vars) => {
    const count = vars?.count;
    const text =
      (typeof count === 'number' ? (template(`${key}_${plural.select(count)}`) ?? template(`${key}_other`)) : undefined) ?? template(key) ?? key;
    return vars ? text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
  };
}
