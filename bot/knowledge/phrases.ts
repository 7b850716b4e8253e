const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern finding any of the phrases. Each phrase holds a space (that is what makes it one), so
 * the scan stops only at spaces, picks the phrases by the character after the first space, and looks
 * back for the words before it: half the work of trying every phrase at every character.
 */
function anyPhraseOf(phrases: readonly string[]): RegExp {
  const byNext = new Map<string, string[]>();
  for (const phrase of phrases) {
    const after = phrase.slice(phrase.indexOf(' ') + 1);
    const next = after.slice(0, 1);
    byNext.set(next, [...(byNext.get(next) ?? []), `${escapeRegExp(after.slice(1))}(?<=${escapeRegExp(phrase)})`]);
  }
  return new RegExp(` (?:${[...byNext].map(([next, rests]) => `${escapeRegExp(next)}(?:${rests.join('|')})`).join('|')})`);
}

/** The lexicon's variants of more than one word ("virtual machine"), each folded into a text as its canonical term. */
export class Phrases {
  /** Any of the phrases: few texts hold one, and one scan tells which. */
  private readonly any: RegExp | undefined;

  /** Phrase → term, longest phrase first, so that a longer phrase wins over one it contains. */
  constructor(private readonly phrases: ReadonlyArray<readonly [string, string]>) {
    if (phrases.length > 0) this.any = anyPhraseOf(phrases.map(([phrase]) => phrase));
  }

  /** The text with every phrase in it replaced by its term, set apart by spaces. */
  fold(text: string): string {
    if (!this.any?.test(text)) return text;
    let folded = text;
    for (const [phrase, term] of this.phrases) {
      if (folded.includes(phrase)) folded = folded.split(phrase).join(` ${term} `);
    }
    return folded;
  }
}
