import type { Lexicon } from './lexicon.js';
import type { TermNumbers } from './term-numbers.js';
import { withoutBeginTo } from './begin-to.js';
import { Compounds } from './compounds.js';
import { Phrases } from './phrases.js';
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
/** Text in the form words are matched in: NFKC (compatibility forms folded), lower case. */
const normalForm = (text: string): string => (NFKC_STABLE.test(text) ? text : text.normalize('NFKC')).toLowerCase();
const HANGUL = /^[\uac00-\ud7af\u3131-\u318e]+$/u;
const ENGLISH_ENDINGS = ["'s", 'ies', 'es', 's', 'ed', 'ing', 'er'] as const;
const MEMO_LIMIT = 50_000;
const HYPHEN = 0x2d;

/** Is given each word of a text as a stretch of some text: most are read where they stand, never cut out. */
type Visit = (text: string, start: number, end: number) => void;

/**
 * Turns text into search terms the same way for the knowledge base and for questions:
 * lower case, synonyms and transliterations to one canonical term, Korean particles and endings
 * stripped when what remains is a known word, light English stemming, stopwords dropped.
 */
export class Analyzer {
  /** A particle split off by a script change ("rm이" → rm, 이) carries no topic of its own. */
  private readonly particles: ReadonlySet<string>;
  /**
   * Words repeat across topics and questions; each is read once. Valid while what counts as known
   * stays the same; while it grows by every term read (seeding), only a word read as itself is
   * remembered, as it then stays known and reads as itself.
   */
  private readonly memo = new WordMemo<string | null>(MEMO_LIMIT);
  /** By place in the memo, the number of what the word reads as (-1: nothing), once asked for (see `numbers`). */
  private numbered: number[] = [];
  /** Where the words of the text being read lie (see `eachWord`), reused from one text to the next. */
  private readonly spans: number[] = [];
  /** The lexicon's suffixes by their last letter, longest first: a word is tried only against those it can end with. */
  private readonly endingIn = new Map<string, string[]>();
  private readonly phrases: Phrases;
  /** Stopwords (null) and single-word variants (their canonical term) in one map: each word tried is looked up once. */
  private readonly lexical: ReadonlyMap<string, string | null>;
  /** The lexicon's canonical terms: what a variant reads as is a word, whether or not a topic uses it. */
  private readonly canonicalTerms: ReadonlySet<string>;
  /** Hangul compounds written without spaces, read as their parts (see `visitSpan`). */
  private readonly compounds = new Compounds((word) => this.readsKnown(word));

  constructor(
    private readonly lexicon: Lexicon,
    private readonly known: (term: string) => boolean,
    /** Off while what is known still grows, by every term read (seeding the vocabulary). */
    private readonly settled = true,
    /** How `numbers` numbers terms, when asked to. */
    private readonly numbering?: TermNumbers,
  ) {
    this.particles = new Set(lexicon.suffixes);
    for (const suffix of lexicon.suffixes) {
      const last = suffix.at(-1)!;
      this.endingIn.set(last, [...(this.endingIn.get(last) ?? []), suffix]);
    }
    this.lexical = new Map<string, string | null>([...lexicon.canonical, ...[...lexicon.stopwords].map((word) => [word, null] as const)]);
    this.canonicalTerms = new Set(lexicon.canonical.values());
    this.phrases = new Phrases(lexicon.phrases);
  }

  /** The words of a text, after phrase synonyms are folded in and scripts are split ("run이랑" → run, 이랑). */
  words(text: string): string[] {
    return this.wordsOf(normalForm(text));
  }

  /** The words of a text, as `words` reads them, and its hyphenated compounds as written ("docker-compose"), for seeding what is known. */
  wordsAndCompounds(text: string): { readonly words: string[]; readonly compounds: string[] } {
    const normal = normalForm(text);
    return { words: this.wordsOf(normal), compounds: MAY_JOIN.test(normal) ? wordsIn(normal).filter(isCompound) : [] };
  }

  private wordsOf(normalText: string): string[] {
    const words: string[] = [];
    this.eachWord(normalText, (within, start, end) => words.push(start === 0 && end === within.length ? within : within.slice(start, end)));
    return words;
  }

  private eachWord(normalText: string, visit: Visit): void {
    const normal = withoutBeginTo(this.phrases.fold(normalText));
    // Reading a word never reads another text, so one list of places serves every text.
    const spans = this.spans;
    const count = wordSpans(normal, spans);
    const mayJoin = MAY_JOIN.test(normal);
    for (let k = 0; k < count; k += 2) {
      const start = spans[k]!;
      const end = spans[k + 1]!;
      if (!mayJoin || normal.charCodeAt(start) === HYPHEN) this.visitSpan(normal, start, end, visit);
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
        const spelledOut = !this.lexicon.spellings.has(word) || ` ${wordsIn(normal).join(' ')} `.includes(` ${parts.join(' ')} `);
        if (spelledOut && this.resolve(word) !== undefined) visitWhole(word, visit);
      }
    }
  }

  /** A run of Hangul that is a compound written without spaces is read as its parts, once what is known is settled. */
  private visitSpan(text: string, start: number, end: number, visit: Visit): void {
    const cuts = this.settled ? this.compounds.cutsAt(text, start, end) : null;
    if (!cuts) visit(text, start, end);
    else for (let k = 1; k < cuts.length; k++) visit(text, start + cuts[k - 1]!, start + cuts[k]!);
  }

  /** Whether a word reads as something the knowledge base or the lexicon knows (a stopword included). */
  private readsKnown(word: string): boolean {
    const term = this.read(word);
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
    const term = this.read(word);
    if (this.settled || term === word) this.remember(word, term);
    return term;
  }

  private remember(word: string, term: string | null): void {
    // A memo started afresh gives out its places again, so the numbers filed by place go too.
    if (this.memo.set(word, term) === 0) this.numbered = [];
  }

  /** The number of the term for the word `text` holds from `start` to `end`, or -1 when it carries no topic. */
  private numberAt(text: string, start: number, end: number, numbering: TermNumbers): number {
    let place = this.memo.find(text, start, end);
    if (place < 0) {
      const term = this.termAt(text, start, end);
      place = this.memo.find(text, start, end);
      if (place < 0) return term === null ? -1 : numbering.number(term);
    }
    let number = this.numbered[place];
    if (number === undefined) {
      const term = this.memo.valueAt(place);
      number = this.numbered[place] = term === null ? -1 : numbering.number(term);
    }
    return number;
  }

  private read(word: string): string | null {
    if (this.particles.has(word)) return null;
    const direct = this.resolve(word);
    if (direct !== undefined) return direct;
    const stripped = HANGUL.test(word) ? this.readKorean(word) : this.stemEnglish(word);
    return stripped === undefined ? word : stripped;
  }

  /** Every term of a text, stopwords removed (duplicates kept: they weigh in BM25), added to `into` when given. */
  terms(text: string, into: string[] = []): string[] {
    this.eachWord(normalForm(text), (within, start, end) => {
      const term = this.termAt(within, start, end);
      if (term) into.push(term);
    });
    return into;
  }

  /**
   * Every term of a text as `terms` reads them, by number in the analyzer's numbering, added to
   * `into`: each distinct word is numbered once, and then found by where it lies in the text alone.
   */
  numbers(text: string, into: number[]): number[] {
    const numbering = this.numbering;
    if (!numbering) throw new Error('this analyzer numbers no terms');
    this.eachWord(normalForm(text), (within, start, end) => {
      const number = this.numberAt(within, start, end, numbering);
      if (number >= 0) into.push(number);
    });
    return into;
  }

  isKnown(term: string): boolean {
    return this.known(term);
  }

  private resolve(word: string): string | null | undefined {
    const lexical = this.lexical.get(word);
    if (lexical !== undefined) return lexical;
    if (this.known(word)) return word;
    return undefined;
  }

  private stripKorean(word: string, depth: number): string | null | undefined {
    if (depth === 0) return undefined;
    const bare = withoutFinalConsonant(word);
    if (bare) {
      const resolved = this.resolve(bare);
      if (resolved !== undefined) return resolved;
    }
    for (const suffix of this.endingIn.get(word.at(-1)!) ?? []) {
      if (!word.endsWith(suffix)) continue;
      if (word === suffix) return null;
      const stem = word.slice(0, -suffix.length);
      const resolved = this.resolve(stem);
      if (resolved !== undefined) return resolved;
      const deeper = this.stripKorean(stem, depth - 1);
      if (deeper !== undefined) return deeper;
    }
    return undefined;
  }

  private readKorean(word: string): string | null | undefined {
    const stripped = this.stripKorean(word, 2);
    if (stripped !== undefined) return stripped;
    const noun = this.verbStem(word);
    return noun === undefined ? this.bareStem(word) : noun;
  }

  /**
   * A word nothing known explains still drops its ending (들어가려면, 들어가는, 들어가기 → 들어가;
   * 배포판을 → 배포판), so its forms meet in one term on both sides. The stem keeps two syllables or
   * more: one-syllable stems are too often whole words that only end like an ending (크기, 순서).
   */
  private bareStem(word: string): string | undefined {
    const suffix = (this.endingIn.get(word.at(-1)!) ?? []).find((ending) => word.endsWith(ending) && word.length - ending.length >= 2);
    return suffix === undefined ? undefined : word.slice(0, -suffix.length);
  }

  /**
   * Korean makes verbs of nouns with 하다, 되다 and 시키다 (생성 → 생성되나요, 중지 → 중지시키는) and
   * marks "in the middle of" with 중 (실행중인): the noun in front carries the meaning, whatever ending
   * follows. The longest known noun of two syllables or more is taken.
   */
  private verbStem(word: string): string | null | undefined {
    for (let end = word.length - 1; end >= 2; end--) {
      if (!VERB_MAKERS_BY_FIRST.get(word.charCodeAt(end))?.some((maker) => word.startsWith(maker, end))) continue;
      const noun = this.resolve(word.slice(0, end));
      if (noun !== undefined) return noun;
    }
    return undefined;
  }

  private stemEnglish(word: string): string | null | undefined {
    for (const ending of ENGLISH_ENDINGS) {
      if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
      const stem = word.slice(0, -ending.length);
      const candidates = [stem, `${stem}e`, ending === 'ies' ? `${stem}y` : undefined];
      if (stem.length > 2 && stem.at(-1) === stem.at(-2)) candidates.push(stem.slice(0, -1));
      for (const candidate of candidates) {
        if (!candidate) continue;
        const resolved = this.resolve(candidate);
        if (resolved !== undefined) return resolved;
      }
    }
    return undefined;
  }
}

/** What turns a noun into a verb or a state: 하다, 되다, 시키다 in their conjugated syllables, and 중. */
const VERB_MAKERS = ['하', '해', '했', '한', '할', '함', '합', '되', '돼', '됐', '된', '될', '됨', '됩', '시키', '시켜', '시킨', '시킬', '중'] as const;
/** The makers by their first syllable: most syllables of a word start none, and one look-up says so. */
const VERB_MAKERS_BY_FIRST = new Map<number, string[]>();
for (const maker of VERB_MAKERS) VERB_MAKERS_BY_FIRST.set(maker.charCodeAt(0), [...(VERB_MAKERS_BY_FIRST.get(maker.charCodeAt(0)) ?? []), maker]);

const isCompound = (word: string): boolean => word.includes('-') && !word.startsWith('-') && !startsWithTypesetDash(word);

/** Whether the word `text` holds from `start` to `end` has a hyphen. */
function hyphenated(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (text.charCodeAt(at) === HYPHEN) return true;
  return false;
}

const visitWhole = (word: string, visit: Visit): void => visit(word, 0, word.length);

/** Final consonants that Korean endings fold into the last syllable: ㄴ, ㄹ, ㅁ ("지울" = 지우 + ㄹ). */
const ENDING_FINALS = new Set([4, 8, 16]);

function withoutFinalConsonant(word: string): string | undefined {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  if (code < 0 || code > 11171 || !ENDING_FINALS.has(code % 28)) return undefined;
  return word.slice(0, -1) + String.fromCharCode(0xac00 + code - (code % 28));
}
