/**
 * What a question asks for, beside its subject: how to do something ("how do I remove an image"), or
 * why something fails ("can't remove image"). Both read as the same subject words; the kind tells a
 * how-to topic from an error's. A kind reads as a term of its own ("?how") that the topic model and
 * the example questions weigh, never the word search, since it names no subject.
 */
export class QuestionKinds {
  private readonly patterns: ReadonlyArray<readonly [string, RegExp]>;

  constructor(kinds: ReadonlyMap<string, readonly string[]>) {
    this.patterns = [...kinds].map(([kind, markers]) => [kindTerm(kind), new RegExp(markers.map(pattern).join('|'), 'u')] as const);
  }

  /** Every kind term, in the lexicon's order. */
  get terms(): string[] {
    return this.patterns.map(([term]) => term);
  }

  /** The kind terms of a question, in the lexicon's order. */
  of(question: string): string[] {
    const text = question.normalize('NFKC').toLowerCase().replace(/’/gu, "'");
    return this.patterns.filter(([, marker]) => marker.test(text)).map(([term]) => term);
  }
}

export const kindTerm = (kind: string): string => `?${kind}`;

const HANGUL_SYLLABLE = /^[\uac00-\ud7a3]$/u;

/**
 * A marker as a pattern. English ones are whole words. Korean ones may sit inside a word (설치방법,
 * 지우려면), except a single syllable (안, 못), which is also part of unrelated words (보안, 안에) and
 * marks only as a word of its own.
 */
function pattern(marker: string): string {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  if (HANGUL_SYLLABLE.test(marker)) return `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`;
  if (/^[a-z0-9]/u.test(marker)) return `\\b${escaped}\\b`;
  return escaped;
}
