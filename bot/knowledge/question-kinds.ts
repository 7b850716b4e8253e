import { normalForm } from './analyzer.js';

/**
 * What a question asks for, beside its subject: how to do something ("how do I remove an image"), or
 * about something failing ("can't remove image"). Both read as the same subject words; the kind tells
 * a how-to topic from an error's; a why question asks for a reason, a what question what something
 * is (an overview, not one of its details). A kind reads as a term of its own
 * ("?how") that the topic model and the example questions weigh, never the word search, since it
 * names no subject.
 */
export class QuestionKinds {
  private readonly kinds: ReadonlyArray<readonly [string, RegExp]>;

  constructor(kinds: ReadonlyMap<string, readonly string[]>) {
    this.kinds = [...kinds].map(([kind, markers]) => [kindTerm(kind), anyOf(markers.map(normal))] as const);
  }

  /** Every kind term, in the lexicon's order. */
  get terms(): string[] {
    return this.kinds.map(([term]) => term);
  }

  /** The kind terms of a question, in the lexicon's order. */
  of(question: string): string[] {
    const text = normal(question);
    const found: string[] = [];
    for (const [term, marker] of this.kinds) if (marker.test(text)) found.push(term);
    return found;
  }
}

/** A kind's term, which no word of a question or a topic reads as. */
export const kindTerm = (kind: string): string => `?${kind}`;

/**
 * The kinds only a question that states them asks: about something failing, or why. A question that
 * names only its subject may ask how to do it or what it is, but it does not say anything failed
 * (examples.ts).
 */
export const STATED_KINDS: readonly string[] = [kindTerm('trouble'), kindTerm('why')];

const SYLLABLE = '\\uac00-\\ud7a3';

/**
 * Any of a kind's markers. English ones are whole words, in one group between two word boundaries:
 * with boundaries of its own, each marker was tried at every place of every example question.
 */
function anyOf(markers: readonly string[]): RegExp {
  const english = markers.filter(isEnglish);
  // A marker joined to the word before it by a hyphen is part of a name, not the word: on-failure.
  const words = english.length > 0 ? [`(?<!-)\\b(?:${english.map(escaped).join('|')})\\b`] : [];
  return new RegExp([...words, ...markers.filter((marker) => !isEnglish(marker)).map(korean)].join('|'));
}

const isEnglish = (marker: string): boolean => /^[a-z0-9]/.test(marker);
const escaped = (marker: string): string => marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A Korean marker as a pattern. It may sit inside a word (설치방법, 지우려면), except a single
 * syllable (안, 못), which is also part of unrelated words (보안, 안에) and marks only as a word of
 * its own. Plain character classes, not Unicode properties: matching them is most of what reading
 * every example question's kind costs.
 */
function korean(marker: string): string {
  return new RegExp(`^[${SYLLABLE}]$`).test(marker) ? `(?:^|[^${SYLLABLE}])${escaped(marker)}(?![${SYLLABLE}])` : escaped(marker);
}

/** The form the analyzer reads text in, with the typographic apostrophe as the plain one. */
function normal(text: string): string {
  const normal = normalForm(text);
  return normal.includes('’') ? normal.replaceAll('’', "'") : normal;
}
