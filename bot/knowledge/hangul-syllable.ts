import { disassembleCompleteCharacter } from 'es-hangul';

/** A syllable's letters as es-hangul gives them: a compound vowel or final as its parts (ㅚ as ㅗㅣ). */
export interface Syllable {
  readonly choseong: string;
  readonly jungseong: string;
  readonly jongseong: string;
}

/** The letters of one Hangul syllable; undefined for anything else (a bare letter, another script). */
export function syllableOf(letter: string | undefined): Syllable | undefined {
  if (letter === undefined) return undefined;
  const code = letter.charCodeAt(0);
  if (code < 0xac00 || code > 0xd7a3) return undefined;
  return disassembleCompleteCharacter(letter) ?? undefined;
}
