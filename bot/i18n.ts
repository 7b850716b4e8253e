import i18next, { type i18n, type TFunction } from 'i18next';
import type { Lang } from './core/lang.js';
import type { Failure } from './core/result.js';
import enCommon from '../locales/en/common.json' with { type: 'json' };
import enDiscord from '../locales/en/discord.json' with { type: 'json' };
import enExplain from '../locales/en/explain.json' with { type: 'json' };
import enKnowledge from '../locales/en/knowledge.json' with { type: 'json' };
import enLab from '../locales/en/lab.json' with { type: 'json' };
import enTerminal from '../locales/en/terminal.json' with { type: 'json' };
import koCommon from '../locales/ko/common.json' with { type: 'json' };
import koDiscord from '../locales/ko/discord.json' with { type: 'json' };
import koExplain from '../locales/ko/explain.json' with { type: 'json' };
import koKnowledge from '../locales/ko/knowledge.json' with { type: 'json' };
import koLab from '../locales/ko/lab.json' with { type: 'json' };
import koTerminal from '../locales/ko/terminal.json' with { type: 'json' };

const en = { common: enCommon, discord: enDiscord, explain: enExplain, knowledge: enKnowledge, lab: enLab, terminal: enTerminal };
const ko = { common: koCommon, discord: koDiscord, explain: koExplain, knowledge: koKnowledge, lab: koLab, terminal: koTerminal };
export const resources = { en, ko } as const;
export type Namespace = keyof typeof en;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}

/** One i18next instance per process, with every language loaded up front (no async back end). */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: ['en', 'ko'],
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

const NAMESPACES = ['common', 'discord', 'explain', 'knowledge', 'lab', 'terminal'] as const satisfies readonly Namespace[];

/** A translator for one language that accepts `ns:key` for every namespace, type-checked. */
export type Translate = TFunction<typeof NAMESPACES>;

export const translator = (i18n: i18n, lang: Lang): Translate => i18n.getFixedT(lang, NAMESPACES);

/**
 * A failure id's first segment names its namespace: `lab.file.outside` → `lab:file.outside`.
 * Unknown ids fall back to the generic message rather than leaking the raw identifier.
 */
export function explain(t: Translate, failure: Failure): string {
  const [ns, ...rest] = failure.id.split('.');
  const key = `${ns}:${rest.join('.')}`;
  const dynamic = t as unknown as (key: string, options?: object) => string;
  const text = dynamic(key, { ...failure.vars, defaultValue: '' });
  return text === '' ? t('common:error.unexpected') : text;
}
