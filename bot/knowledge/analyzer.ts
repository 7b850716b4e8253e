import type { Lexicon } from './lexicon.js';
import type { TermNumbers } from './term-numbers.js';
import { withAsSoonAs } from './as-soon-as.js';
import { withoutBeginTo } from './begin-to.js';
import { Compounds } from './compounds.js';
import { quotedInstructions } from './instructions.js';
import { Phrases } from './phrases.js';
import { WordForms } from './word-forms.js';
import { WordMemo } from './word-memo.js';
import { wordSpans, wordsIn } from './words.js';

/** A word (of `text`, from `start`) that typesetting started with a dash (– or —) where a flag's "--" was. */
const startsWithTypesetDash = (text: string, start = 0): boolean => text.charCodeAt(start) === 0x2013 || text.charCodeAt(start) === 0x2014;
/**
 * A text without a hyphen between letters or digits, or a dash before a letter, holds no compound
 * ("docker-compose") and no typeset flag ("–rm"): its words need no second look. Most texts are such.
 */
const MAY_JOIN = /[a-z0-9]-[a-z0-9]|[\u2013\u2014][a-z]/;
/** Text of ASCII and Hangul syllables alone, as most is, which NFKC leaves as it is. */
const NFKC_STABLE = /^[\x00-\x7f\uac00-\ud7a3]*$/;
/**
 * A character lower case or NFKC may change: an upper-case letter, or one neither ASCII nor a Hangul
 * syllable. A text without one (most Korean text, many short ones) is its own normal form, and one
 * scan says so where lower-casing Korean text built a copy of it.
 */
const MAY_CHANGE = /[^\x00-\x40\x5b-\x7f\uac00-\ud7a3]/;
/** Text in the form words are matched in: NFKC (compatibility forms folded), lower case. */
export const normalForm = (text: string): string => (!MAY_CHANGE.test(text) ? text : (NFKC_STABLE.test(text) ? text : text.normalize('NFKC')).toLowerCase());
const MEMO_LIMIT = 50_000;
/** What a word's place in the memo says of it (see `Analyzer.spanNumbers`); a term's number is 0 or more. */
const NOTHING = -1;
const SPLIT = -2;
const UNREAD = -3;
const HYPHEN = 0x2d;

/** Is given each word of a text as a stretch of some text: most are read where they stand, never cut out. */
type Visit = (text: string, start: number, end: number) => void;
/** Where `numbers` adds the numbers of a text's terms: a list, or a TermList (term-list.ts). */
interface Gathering {
  push(term: number): unknown;
}

/**
 * Turns text into search terms the same way for the knowledge base and for questions:
 * lower case, synonyms and transliterations to one canonical term, Korean particles and endings
 * stripped when what remains is a known word, light English stemming, stopwords dropped.
 */
export class Analyzer {
  /**
   * Words repeat across topics and questions; each is read once. Valid while what counts as known
   * stays the same; while it grows by every term read (seeding), only a word read as itself is
   * remembered, as it then stays known and reads as itself, and one the lexicon alone reads (a
   * stopword, a particle, a variant), which nothing known can change.
   */
  private readonly memo = new WordMemo<string | null>(MEMO_LIMIT);
  /** By place in the memo, the number of what the word reads as by itself (NOTHING: no term), or UNREAD. */
  private readonly numbered: Int32Array;
  /**
   * By place in the memo, what `numbers` reads the word as where it stands: the number of its term,
   * NOTHING, SPLIT for a compound written without spaces (its parts in `cuts`), or UNREAD. Every
   * word of every text is looked up here: a typed list, one read, where two lists of any values took two.
   */
  private readonly spanNumbers: Int32Array;
  /** By place in the memo, where a word read SPLIT splits. */
  private cuts: Array<readonly number[]> = [];
  /** Where the words of the text being read lie (see `eachWord`), reused from one text to the next. */
  private readonly spans: number[] = [];
  /**
   * The words of the text being read, set apart by spaces, once a compound in it asks (see
   * `visitWord`): an answer names docker-compose many times, and each split the whole answer anew.
   */
  private wordsOfText: string | undefined;
  private readonly phrases: Phrases;
  /** What each word reads as, by itself. */
  private readonly forms: WordForms;
  /** The lexicon's canonical terms: what a variant reads as is a word, whether or not a topic uses it. */
  private readonly canonicalTerms: ReadonlySet<string>;
  /** Hangul compounds written without spaces, read as their parts (see `visitSpan`). */
  private readonly compounds = new Compounds((word) => this.readsKnown(word));
  /** Dockerfile instructions in capitals, marked as such (instructions.ts). */
  private readonly quoted: (text: string) => string;

  constructor(
    private readonly lexicon: Lexicon,
    private readonly known: (term: string) => boolean,
    /** Off while what is known still grows, by every term read (seeding the vocabulary). */
    private readonly settled = true,
    /** How `numbers` numbers terms, when asked to. */
    private readonly numbering?: TermNumbers,
  ) {
    // Numbering remembers every word and its cuts at once (see `numbers`), which holds only once what is known is settled.
    if (numbering && !settled) throw new Error('only a settled analyzer numbers terms');
    this.numbered = new Int32Array(numbering ? MEMO_LIMIT : 0).fill(UNREAD);
    this.spanNumbers = new Int32Array(numbering ? MEMO_LIMIT : 0).fill(UNREAD);
    this.forms = new WordForms(lexicon, known);
    this.canonicalTerms = new Set(lexicon.canonical.values());
    this.phrases = new Phrases(lexicon.phrases);
    this.quoted = quotedInstructions(lexicon.signal.instructions, lexicon.stopwords);
  }

  /** The words of a text, after phrase synonyms are folded in and scripts are split ("run이랑" → run, 이랑). */
  words(text: string): string[] {
    return this.wordsOf(normalForm(this.quoted(text)));
  }

  /** The words of a text, as `words` reads them, and its hyphenated compounds as written ("docker-compose"), for seeding what is known. */
  wordsAndCompounds(text: string): { readonly words: string[]; readonly compounds: string[] } {
    const normal = normalForm(this.quoted(text));
    return { words: this.wordsOf(normal), compounds: MAY_JOIN.test(normal) ? wordsIn(normal).filter(isCompound) : [] };
  }

  private wordsOf(normalText: string): string[] {
    const words: string[] = [];
    this.eachWord(normalText, (within, start, end) => words.push(start === 0 && end === within.length ? within : within.slice(start, end)));
    return words;
  }

  /** A text in normal form with its phrases folded, the 시작 of "-기 시작하다" dropped and -자마자 read as 바로: what its words are read from. */
  private prepared(normalText: string): string {
    return withAsSoonAs(withoutBeginTo(this.phrases.fold(normalText)));
  }

  private eachWord(normalText: string, visit: Visit): void {
    const normal = this.prepared(normalText);
    this.wordsOfText = undefined;
    // Reading a word never reads another text, so one list of places serves every text.
    const spans = this.spans;
    const count = wordSpans(normal, spans);
    const mayJoin = MAY_JOIN.test(normal);
    for (let k = 0; k < count; k += 2) {
      const start = spans[k]!;
      const end = spans[k + 1]!;
      if (!mayJoin) this.visitSpan(normal, start, end, visit);
      else this.visitWord(normal, start, end, visit);
    }
  }

  /** Visits the word of `text` from `start` to `end`, which may be hyphenated or start with a typeset dash. */
  private visitWord(normal: string, start: number, end: number, visit: Visit): void {
    if (normal.charCodeAt(start) === HYPHEN) this.visitSpan(normal, start, end, visit);
    else if (startsWithTypesetDash(normal, start)) visitWhole(`--${normal.slice(start + 1, end)}`, visit);
    else if (!hyphenated(normal, start, end)) this.visitSpan(normal, start, end, visit);
    else {
      // A compound reads as its parts ("non-root" → non, root), and also as itself when the
      // lexicon or the topics name it. A compound that is only another way to write its phrase
      // ("docker-compose") is a word of its own only beside the open phrase, where the spelling
      // is the point ("docker-compose vs docker compose").
      const word = normal.slice(start, end);
      const parts = word.split('-').filter(Boolean);
      for (const part of parts) visitWhole(part, visit);
      const spelledOut = !this.lexicon.spellings.has(word) || (this.wordsOfText ??= ` ${wordsIn(normal).join(' ')} `).includes(` ${parts.join(' ')} `);
      if (spelledOut && this.forms.resolve(word) !== undefined) visitWhole(word, visit);
    }
  }

  /** A run of Hangul that is a compound written without spaces is read as its parts, once what is known is settled. */
  private visitSpan(text: string, start: number, end: number, visit: Visit): void {
    const cuts = this.settled ? this.compounds.cutsAt(text, start, end) : null;
    if (!cuts) visit(text, start, end);
    else for (let k = 1; k < cuts.length; k++) visit(text, start + cuts[k - 1]!, start + cuts[k]!);
  }

  /**
   * Whether a word reads as something the knowledge base or the lexicon knows (a stopword included).
   * Read through the memo: a compound is tried whole and then by its parts, which other compounds share.
   */
  private readsKnown(word: string): boolean {
    const term = this.termAt(word, 0, word.length);
    return term === null || this.known(term) || this.canonicalTerms.has(term);
  }

  /** The canonical term for one word, `null` for a word that carries no topic, or the word itself when unknown. */
  term(word: string): string | null {
    return this.termAt(word, 0, word.length);
  }

  /** The term for the word `text` holds from `start` to `end`, as `term` reads it. */
  private termAt(text: string, start: number, end: number): string | null {
    const place = this.memo.find(text, start, end);
    if (place >= 0) return this.memo.valueAt(place);
    const word = start === 0 && end === text.length ? text : text.slice(start, end);
    const term = this.forms.read(word);
    if (this.settled || term === word || this.forms.fixed(word)) this.remember(word, term);
    return term;
  }

  private remember(word: string, term: string | null): void {
    if (this.memo.set(word, term) === 0) this.forgetPlaces();
  }

  /** A memo started afresh gives out its places again, so what is filed by place goes too. */
  private forgetPlaces(): void {
    this.numbered.fill(UNREAD);
    this.spanNumbers.fill(UNREAD);
    this.cuts = [];
  }

  /** The number of the term for the word `text` holds from `start` to `end`, or -1 when it carries no topic. */
  private numberAt(text: string, start: number, end: number, numbering: TermNumbers): number {
    let place = this.memo.find(text, start, end);
    if (place < 0) {
      const term = this.termAt(text, start, end);
      place = this.memo.find(text, start, end);
      if (place < 0) return term === null ? NOTHING : numbering.number(term);
    }
    return this.numberOf(place, numbering);
  }

  /** The number of what the word remembered at `place` reads as, or NOTHING. */
  private numberOf(place: number, numbering: TermNumbers): number {
    let number = this.numbered[place]!;
    if (number === UNREAD) {
      const term = this.memo.valueAt(place);
      number = this.numbered[place] = term === null ? NOTHING : numbering.number(term);
    }
    return number;
  }

  /** Every term of a text, stopwords removed (duplicates kept: they weigh in BM25), added to `into` when given. */
  terms(text: string, into: string[] = []): string[] {
    this.eachWord(normalForm(this.quoted(text)), (within, start, end) => {
      const term = this.termAt(within, start, end);
      if (term) into.push(term);
    });
    return into;
  }

  /**
   * Every term of a text as `terms` reads them, by number in the analyzer's numbering, added to
   * `into`: each distinct word is numbered once, and then found by where it lies in the text alone.
   * Most words are plain (no hyphen, no typeset dash) and are read here, in one look-up of the memo
   * for both their compound cuts and their number; the few others go the way `terms` reads them.
   */
  numbers<Into extends Gathering>(text: string, into: Into): Into {
    const numbering = this.numbering;
    if (!numbering) throw new Error('this analyzer numbers no terms');
    const normal = this.prepared(normalForm(this.quoted(text)));
    this.wordsOfText = undefined;
    const spans = this.spans;
    const count = wordSpans(normal, spans);
    // Only a word with a hyphen after its start, or a typeset dash at its start, may be a compound or
    // a flag; every other word is read as it stands. Each word is looked at here, as the word's
    // characters are at hand, where `eachWord` first tests the whole text with MAY_JOIN.
    let hyphen = normal.indexOf('-');
    let visit: Visit | undefined;
    for (let k = 0; k < count; k += 2) {
      const start = spans[k]!;
      const end = spans[k + 1]!;
      if (hyphen >= 0 && hyphen < start) hyphen = normal.indexOf('-', start);
      if ((hyphen < 0 || hyphen >= end || normal.charCodeAt(start) === HYPHEN) && !startsWithTypesetDash(normal, start)) {
        this.numberSpan(normal, start, end, numbering, into);
      } else {
        visit ??= (within, from, to) => {
          const number = this.numberAt(within, from, to, numbering);
          if (number >= 0) into.push(number);
        };
        this.visitWord(normal, start, end, visit);
      }
    }
    return into;
  }

  /** Numbers a plain word, or the parts of a compound written without spaces, as `visitSpan` visits them. */
  private numberSpan(text: string, start: number, end: number, numbering: TermNumbers, into: Gathering): void {
    let place = this.memo.find(text, start, end);
    let read = place < 0 ? UNREAD : this.spanNumbers[place]!;
    if (read === UNREAD) {
      // Working out the cuts reads the parts through the memo, which may start afresh: the word is found after.
      const found = this.compounds.cutsAt(text, start, end);
      place = this.memo.find(text, start, end);
      if (place < 0) {
        const word = start === 0 && end === text.length ? text : text.slice(start, end);
        place = this.memo.set(word, this.forms.read(word));
        if (place === 0) this.forgetPlaces();
      }
      if (found) this.cuts[place] = found;
      read = this.spanNumbers[place] = found ? SPLIT : this.numberOf(place, numbering);
    }
    if (read >= 0) into.push(read);
    if (read !== SPLIT) return;
    const cuts = this.cuts[place]!;
    for (let k = 1; k < cuts.length; k++) {
      const number = this.numberAt(text, start + cuts[k - 1]!, start + cuts[k]!, numbering);
      if (number >= 0) into.push(number);
    }
  }

  isKnown(term: string): boolean {
    return this.known(term);
  }
}
const isCompound = (word: string): boolean => word.includes('-') && !word.startsWith('-') && !startsWithTypesetDash(word);

/** Whether the word `text` holds from `start` to `end` has a hyphen. */
function hyphenated(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (text.charCodeAt(at) === HYPHEN) return true;
  return false;
}

const visitWhole = (word: string, visit: Visit): void => visit(word, 0, word.length);
