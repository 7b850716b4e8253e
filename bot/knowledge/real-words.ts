import type { Lexicon } from './lexicon.js';
import { WordForms } from './word-forms.js';

/**
 * Whether a word is a real word of Korean or English, spelled right, by a spelling dictionary of
 * each: a Korean word through its particles and endings (주어지는 is 주어지다 conjugated), an English
 * one as written, since the word list holds every inflection and light stemming would pass slips in
 * the ending (runing → run). A word the knowledge base does not know may be a typo of
 * one it does only when the dictionary does not know it either (a non-word: 컨테이나, contianer);
 * a real word one slip from a known one (반환 and 변환, 정복 and 정보) means what it says.
 */
export class RealWords {
  private readonly korean: WordForms;

  constructor(
    lexicon: Lexicon,
    koreanWords: ReadonlySet<string>,
    private readonly englishWords: ReadonlySet<string>,
  ) {
    // The dictionary lists a verb by its 다 form: a stem left after an ending is a word when stem + 다 is.
    // One syllable left over is too often a word by chance (가, 이) to say the whole was one.
    this.korean = new WordForms(lexicon, (word) => word.length >= 2 && (koreanWords.has(word) || koreanWords.has(`${word}다`)));
  }

  has(word: string): boolean {
    return HANGUL.test(word) ? this.korean.isWord(word) : this.englishWords.has(word);
  }
}

const HANGUL = /^[\uac00-\ud7a3]+$/u;
