import type { i18n } from 'i18next';
import { languageOf, type Lang } from '../core/lang.js';
import { translator } from '../i18n.js';
import type { Catalogue } from './catalogue.js';
import { explainCommand, type Explanation } from './explain.js';
import { holdsCommand } from './route.js';

/** What the fronts hold: explain a command, and tell whether a question is one. */
export interface Explainer {
  explain(text: string, lang: Lang): Explanation;
  /** Called before the knowledge search: a question holding a command is answered with its explanation. */
  holdsCommand(text: string): boolean;
}

export function createExplainer(catalogue: Catalogue, i18n: i18n, hasTopic: (id: string) => boolean): Explainer {
  return {
    explain: (text, lang) => explainCommand(text, lang, translator(i18n, lang), { catalogue, hasTopic }),
    holdsCommand: (text) => holdsCommand(text, catalogue),
  };
}

/** A command alone says nothing of its reader's language: Hangul around it means Korean, else the UI's. */
export const explanationLang = (text: string, fallback: Lang): Lang => (languageOf(text) === 'ko' ? 'ko' : fallback);
