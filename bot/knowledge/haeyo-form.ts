import { combineCharacter } from 'es-hangul';
import { syllableOf } from './hangul-syllable.js';

/**
 * The 해요-style words a Korean word written in another style means, most likely first: the formal
 * 합니다 style (됩니다 → 돼요, 않습니까 → 않아요, 무엇입니까 → 무엇이에요), or 돼 misspelt as 되
 * (안되요 → 안돼요, 됬어요 → 됐어요). Topics are written in the 해요 style, and a question asked in
 * another one is read as those same words. Empty for a word in neither.
 */
export function haeyoForms(word: string): string[] {
  const formal = formalStems(word);
  if (formal.length > 0) return formal.flatMap(haeyoOf);
  const fixed = word.replace(MISSPELT_DWAESS, '됐').replace(MISSPELT_DWAE, '돼$1');
  return fixed === word ? [] : [fixed];
}

/** 되 where the contraction 돼 (되어) belongs: before 요, 서, 도, 야 at the end. 됬 is never a syllable of a word. */
const MISSPELT_DWAE = /되([요서도야])$/u;
const MISSPELT_DWAESS = /됬/gu;

const FORMAL = /(?:습니다|습니까|니다|니까)$/u;
const RIEUL = 'ㄹ';
const BIEUP = 'ㅂ';

/**
 * The verb stems a formal word may have: 습니다 follows a stem ending in a consonant (않습니다 → 않),
 * ㅂ니다 one ending in a vowel, folding ㅂ into its last syllable (됩니다 → 되). A stem ending in ㄹ
 * drops it there (만듭니다 → 만들), so that is the second reading of a longer word.
 */
function formalStems(word: string): string[] {
  const ending = FORMAL.exec(word)?.[0];
  if (!ending) return [];
  const stem = word.slice(0, -ending.length);
  const last = syllableOf(stem.at(-1));
  if (!last) return [];
  if (ending.startsWith('습')) return last.jongseong ? [stem] : [];
  if (last.jongseong !== BIEUP) return [];
  const open = stem.slice(0, -1) + combineCharacter(last.choseong, last.jungseong);
  // A one-syllable ㄹ reading is too often another word (입니까 is the copula, not 일).
  return open.length > 1 ? [open, stem.slice(0, -1) + combineCharacter(last.choseong, last.jungseong, RIEUL)] : [open];
}

/** The 해요 forms of a verb stem: its 아/어 form and 요, and for a noun with the copula 이, 이에요 as well. */
function haeyoOf(stem: string): string[] {
  if (stem === '이') return ['이에요'];
  const forms = [`${infinitive(stem)}요`];
  if (stem.endsWith('이')) forms.unshift(`${stem}에요`);
  return forms;
}

/**
 * A stem's 아/어 form: 아 after ㅏ or ㅗ, 어 otherwise, contracted where Korean writes it so (보 → 봐,
 * 주 → 줘, 지 → 져, 되 → 돼, 쓰 → 써, 하 → 해, 모르 → 몰라).
 */
function infinitive(stem: string): string {
  const last = syllableOf(stem.at(-1))!;
  const head = stem.slice(0, -1);
  if (last.jongseong) return `${stem}${BRIGHT.has(last.jungseong) ? '아' : '어'}`;
  if (stem.endsWith('하')) return `${head}해`;
  const before = syllableOf(head.at(-1));
  const bright = before !== undefined && BRIGHT.has(before.jungseong);
  if (stem.endsWith('르') && before && !before.jongseong) {
    return `${head.slice(0, -1)}${combineCharacter(before.choseong, before.jungseong, RIEUL)}${bright ? '라' : '러'}`;
  }
  const vowel = last.jungseong === 'ㅡ' ? (bright ? 'ㅏ' : 'ㅓ') : CONTRACTED[last.jungseong];
  if (vowel) return `${head}${combineCharacter(last.choseong, vowel)}`;
  return OPEN_ENDED.has(last.jungseong) ? stem : `${stem}어`;
}

/** Vowels that take 아 rather than 어. */
const BRIGHT = new Set(['ㅏ', 'ㅗ', 'ㅑ']);
/** A vowel and 아/어 written as one syllable. */
export const CONTRACTED: Readonly<Record<string, string>> = { ㅗ: 'ㅗㅏ', ㅜ: 'ㅜㅓ', ㅣ: 'ㅕ', ㅗㅣ: 'ㅗㅐ' };
/** Vowels the 아/어 of the ending merges into unchanged (가 → 가요, 서 → 서요, 보내 → 보내요). */
const OPEN_ENDED = new Set(['ㅏ', 'ㅐ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅒ', 'ㅖ', 'ㅗㅏ', 'ㅗㅐ', 'ㅜㅓ']);
