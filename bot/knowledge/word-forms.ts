import { combineCharacter, disassembleCompleteCharacter, hasBatchim } from 'es-hangul';
import { verbStems } from './conjugation.js';
import { haeyoForms } from './haeyo-form.js';
import type { Lexicon } from './lexicon.js';

const HANGUL = /^[\uac00-\ud7af\u3131-\u318e]+$/u;
const ENGLISH_ENDINGS = ["'s", 'ies', 'ied', 'es', 's', 'ed', 'ing', 'er', 'ly'] as const;
/** An adverb's -ly comes off a stem of four letters or more: "apply" and "early" are not app and ear made adverbs. */
const SHORTEST_BEFORE_LY = 4;
/** A bound noun (see `Lexicon.boundNouns`) comes off a noun of this many syllables or more. */
const BOUND_NOUN_STEM = 2;

/**
 * What one word reads as, by itself: its canonical term, `null` for a word that carries no topic,
 * or the word itself when unknown. Korean particles and endings are stripped when what remains is a
 * known word, English words lightly stemmed (see `Analyzer`, which reads texts with it).
 */
export class WordForms {
  /** A particle split off by a script change ("rm이" → rm, 이) carries no topic of its own. */
  private readonly particles: ReadonlySet<string>;
  /** The lexicon's suffixes and bound nouns by their last letter, longest first: a word is tried only against those it can end with. */
  private readonly endingIn = new Map<string, string[]>();
  private readonly boundNouns: ReadonlySet<string>;
  /** Stopwords (null) and single-word variants (their canonical term) in one map: each word tried is looked up once. */
  private readonly lexical: ReadonlyMap<string, string | null>;
  /** The terms the lexicon's variants read as. */
  private readonly terms: ReadonlySet<string>;

  constructor(
    lexicon: Lexicon,
    private readonly known: (term: string) => boolean,
  ) {
    this.particles = new Set(lexicon.suffixes);
    this.boundNouns = lexicon.boundNouns;
    // Bound nouns are one syllable, so after every longer suffix with the same last letter.
    for (const suffix of [...lexicon.suffixes, ...lexicon.boundNouns]) {
      const last = suffix.at(-1)!;
      this.endingIn.set(last, [...(this.endingIn.get(last) ?? []), suffix]);
    }
    this.lexical = new Map<string, string | null>([...lexicon.canonical, ...[...lexicon.stopwords].map((word) => [word, null] as const)]);
    this.terms = new Set(lexicon.canonical.values());
  }

  /** The canonical term for one word, `null` for a word that carries no topic, or the word itself when unknown. */
  read(word: string): string | null {
    if (this.particles.has(word)) return null;
    const direct = this.resolve(word);
    if (direct !== undefined) return direct;
    const stripped = HANGUL.test(word) ? this.readKorean(word) : this.stemEnglish(word);
    return stripped === undefined ? word : stripped;
  }

  /** Whether a Korean word, or what is left of it once its particles or endings come off, is known (never a bare stem guessed). */
  isWord(word: string): boolean {
    if (this.particles.has(word) || this.resolve(word) !== undefined) return true;
    if (this.stripKorean(word, 2) !== undefined || this.verbStem(word) !== undefined || this.conjugated(word) !== undefined) return true;
    return haeyoForms(word).some(
      (form) => this.resolve(form) !== undefined || this.stripKorean(form, 2) !== undefined || this.verbStem(form) !== undefined || this.conjugated(form) !== undefined,
    );
  }

  /** Whether the lexicon alone says what the word reads as (a particle, stopword or variant): no known term changes it. */
  fixed(word: string): boolean {
    return this.particles.has(word) || this.lexical.has(word);
  }

  /** What a word reads as as written, when the lexicon names it or it is known; undefined otherwise. */
  resolve(word: string): string | null | undefined {
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
      const stem = word.slice(0, -suffix.length);
      if (this.boundNouns.has(suffix) && stem.length < BOUND_NOUN_STEM) continue;
      if (word === suffix) return null;
      // The polite 요 follows a verb's 아/어 form, which ends in a vowel: 중요 is a word, not 중 + 요.
      if (suffix === POLITE && hasBatchim(stem)) continue;
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
    const haeyo = haeyoForms(word);
    if (haeyo.length > 0) return this.readHaeyo(haeyo);
    const noun = this.verbStem(word);
    if (noun !== undefined) return noun;
    const verb = this.conjugated(word);
    if (verb !== undefined) return verb;
    // 나갓는데, 꺼졋어요: a past tense typed with ㅅ for ㅆ (one key instead of Shift) reads as typed right
    // when that reads as a known term. Never as nothing: 셧다운 is no honorific 셨.
    const retyped = pastTypedPlain(word, (rest) => this.particles.has(rest) || this.endingIn.get(rest.at(-1)!)?.includes(rest) === true);
    const read = retyped === undefined ? undefined : this.readKorean(retyped);
    return typeof read === 'string' && (this.known(read) || this.terms.has(read)) ? read : this.bareStem(word);
  }

  /**
   * A word in another style reads as its 해요-style form does (됩니다 as 돼요), the first of its
   * possible forms that reads as something known; if none does, as the likeliest one, unknown.
   */
  private readHaeyo(forms: readonly string[]): string | null {
    for (const form of forms) {
      // null is an answer here (a stopword, 돼요), not a miss: only undefined tries the next reading.
      let read = this.resolve(form);
      if (read === undefined) read = this.stripKorean(form, 2);
      if (read === undefined) read = this.verbStem(form);
      if (read !== undefined) return read;
    }
    for (const form of forms) {
      const verb = this.conjugated(form);
      if (verb !== undefined) return verb;
    }
    const likeliest = forms[0]!;
    return this.bareStem(likeliest) ?? likeliest;
  }

  /**
   * A verb whose ending or past tense folded into its stem's last syllable (지웠어요, 올려서) reads as
   * its stem does, where the stem is known. A stem of one syllable counts only where the lexicon names
   * it (끄): too many single syllables are other words as well.
   */
  private conjugated(word: string): string | null | undefined {
    for (const stem of verbStems(word, (rest) => this.particles.has(rest))) {
      const read = stem.length >= 2 ? (this.resolve(stem) ?? this.verbStem(stem)) : this.lexical.get(stem);
      if (read !== undefined) return read;
    }
    return undefined;
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
      if (!word.endsWith(ending) || word.length - ending.length < (ending === 'ly' ? SHORTEST_BEFORE_LY : 2)) continue;
      const stem = word.slice(0, -ending.length);
      // -es and -ed follow a stem's own e more often than not (sites, noted): site before sit, note
      // before not. Where the e belongs to the ending (boxes, pushed), boxe and pushe are no words.
      const withE = ending === 'es' || ending === 'ed';
      const candidates = [withE ? `${stem}e` : stem, withE ? stem : `${stem}e`, ending === 'ies' || ending === 'ied' ? `${stem}y` : undefined];
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

/**
 * What turns a noun into a verb or a state: 하다, 되다, 시키다 and the humble 드리다 (질문드려요,
 * 부탁드립니다) in their conjugated syllables, and 중.
 */
const VERB_MAKERS = ['하', '해', '했', '한', '할', '함', '합', '되', '돼', '됐', '된', '될', '됨', '됩', '시키', '시켜', '시킨', '시킬', '드리', '드려', '드린', '드릴', '드립', '드렸', '중'] as const;
/** The makers by their first syllable: most syllables of a word start none, and one look-up says so. */
const VERB_MAKERS_BY_FIRST = new Map<number, string[]>();
for (const maker of VERB_MAKERS) VERB_MAKERS_BY_FIRST.set(maker.charCodeAt(0), [...(VERB_MAKERS_BY_FIRST.get(maker.charCodeAt(0)) ?? []), maker]);

/** Final consonants that Korean endings fold into the last syllable: ㄴ, ㄹ, ㅁ ("지울" = 지우 + ㄹ). */
const ENDING_FINALS = new Set(['ㄴ', 'ㄹ', 'ㅁ']);

const POLITE = '요';

/** The vowels a past-tense syllable ends its stem with before ㅆ: 갔, 었, 졌, 했, 됐, 왔, 웠. */
const PAST_VOWELS = new Set(['ㅏ', 'ㅓ', 'ㅕ', 'ㅐ', 'ㅗㅏ', 'ㅜㅓ', 'ㅗㅐ']);

/**
 * The word with each past-tense-looking final ㅅ made ㅆ (갓 → 갔, 졋 → 졌), or undefined when it has
 * none. The first syllable only before an ending (껏다, 켯는데): otherwise it is a stem of its own,
 * and 셧다운, 댓글, 닷넷 stay.
 */
function pastTypedPlain(word: string, isEnding: (rest: string) => boolean): string | undefined {
  let changed = false;
  const letters = [...word].map((letter, at) => {
    const syllable = disassembleCompleteCharacter(letter);
    if (!syllable || syllable.jongseong !== 'ㅅ' || !PAST_VOWELS.has(syllable.jungseong)) return letter;
    if (at === 0 && !isEnding(word.slice(1))) return letter;
    changed = true;
    return combineCharacter(syllable.choseong, syllable.jungseong, 'ㅆ');
  });
  return changed ? letters.join('') : undefined;
}

function withoutFinalConsonant(word: string): string | undefined {
  const last = disassembleCompleteCharacter(word.at(-1)!);
  if (!last || !ENDING_FINALS.has(last.jongseong)) return undefined;
  return word.slice(0, -1) + combineCharacter(last.choseong, last.jungseong);
}
