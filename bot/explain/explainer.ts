import { languageOf, type Lang } from '../core/lang.js';
import type { Catalogue } from './catalogue.js';
import { explainCommand, type Explanation } from './explain.js';
import { phrasebook } from './phrases.js';
import { holdsCommand } from './route.js';

/** What the fronts hold: explain a command, and tell whether a question is one. */
export interface Explainer {
  explain(text: string, lang: Lang): Explanation;
  /** Called before the knowledge search: a question holding a command is answered with its explanation. */
  holdsCommand(text: string): boolean;
}

/**
 * `asksAboutOutcome` tells a message that says something goes wrong or asks why: a command with
 * such a sentence after it is a question about what happened, for the knowledge base (route.ts).
 */
export function createExplainer(catalogue: Catalogue, hasTopic: (id: string) => boolean, asksAboutOutcome: (text: string) => boolean): Explainer {
  const phrases = { en: phrasebook('en'), ko: phrasebook('ko') };
  return {
    explain: (text, lang) => explainCommand(text, lang, phrases[lang], { catalogue, hasTopic }),
    holdsCommand: (text) => holdsCommand(text, catalogue, asksAboutOutcome),
  };
}

/** A command alone says nothing of its reader's language: Hangul around it means Korean, else the UI's. */
export const explanationLang = (text: string, fallback: Lang): Lang => (languageOf(text) === 'ko' ? 'ko' : fallback);
