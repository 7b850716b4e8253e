import { combineCharacter } from 'es-hangul';
import { CONTRACTED } from './haeyo-form.js';
import { syllableOf } from './hangul-syllable.js';

/**
 * The stems a Korean verb form may come from, likeliest first, for the forms that fold the verb's
 * 아/어 ending, or its past tense, into the stem's last syllable: 지워 and 지웠어요 are 지우, 올려서
 * and 올렸더니 올리, 멈췄는데 멈추, 껐다 끄, 받았다 받, 만들었어요 만들; and for a stem ending in ㄹ that
 * dropped it before the ending, the stem with it (만드는 → 만들). Without it each tense of a
 * verb would be a word of its own, and a question in the past tense would miss a topic written in
 * the present. `isEnding` says whether what follows an unfolded 아/어 form (요, 서, 도) is an ending;
 * after the past tense's ㅆ, whatever follows is one (다, 어요, 는데, 더니, 지만).
 */
export function verbStems(word: string, isEnding: (rest: string) => boolean): string[] {
  if (!HANGUL.test(word)) return [];
  // The last ㅆ is the past tense (있었다: 있어 + ㅆ + 다): no ending holds one. Most words read here
  // have none, so the syllables are taken apart only where one is looked at.
  let past = word.length - 1;
  while (past >= 0 && finalOf(word.charCodeAt(past)) !== SSANG_SIOT) past--;
  if (past >= 0) {
    const { choseong, jungseong } = syllableOf(word[past])!;
    return fromInfinitive(word.slice(0, past) + combineCharacter(choseong, jungseong)).filter((stem) => stem !== word);
  }
  // The longest stem first: 구해 is 구하 before it is 구 with the ending 해.
  const stems: string[] = [];
  for (let at = word.length - 1; at >= 0; at--) {
    const rest = word.slice(at + 1);
    if (rest !== '' && !isEnding(rest)) continue;
    stems.push(...fromInfinitive(word.slice(0, at + 1)));
    // A stem ending in ㄹ drops it before ㄴ and ㅅ (만들 → 만드는, 만드세요); one syllable is too often another verb (풀, 푸는).
    if (at === 0 || !RIEUL_GOES.has(rest[0]!)) continue;
    const { choseong, jungseong, jongseong } = syllableOf(word[at])!;
    if (!jongseong) stems.push(word.slice(0, at) + combineCharacter(choseong, jungseong, RIEUL));
  }
  return [...new Set(stems)].filter((stem) => stem !== word);
}

/** Unicode orders the syllables by first letter, vowel, then final: the final's number (0: none, 20: ㅆ) without taking the syllable apart. */
const finalOf = (code: number): number => (code - 0xac00) % 28;
const SSANG_SIOT = 20;

/** Whole syllables only: a word with a bare letter (ㅋㅋ) or another script is no verb form. */
const HANGUL = /^[\uac00-\ud7a3]+$/u;
const IEUNG = 'ㅇ';
const RIEUL = 'ㄹ';
const HIEUH = 'ㅎ';
/** The first syllables of the endings before which a stem's final ㄹ drops. */
const RIEUL_GOES = new Set(['는', '니', '나', '네', '세', '시']);

/**
 * The stems whose 아/어 form `form` is (see haeyo-form.ts's `infinitive`, which goes the other way):
 * 받아 → 받, 올려 → 올리, 지워 → 지우, 봐 → 보, 해 → 하, 몰라 → 모르, 꺼 → 끄, and the form itself
 * where a stem already ends in that vowel (가, 켜, 보내).
 */
function fromInfinitive(form: string): string[] {
  if (finalOf(form.charCodeAt(form.length - 1)) !== 0) return [];
  const last = syllableOf(form.at(-1));
  if (!last) return [];
  const head = form.slice(0, -1);
  const before = syllableOf(head.at(-1));
  // 아/어 stays a syllable of its own only after a stem ending in a consonant: 아이디어 is no verb.
  if (last.choseong === IEUNG && OPENING.has(last.jungseong)) return before?.jongseong ? [head] : [];
  // 몰라, 달라, 불러: 르 lends its ㄹ to the syllable before it.
  if (last.choseong === RIEUL && OPENING.has(last.jungseong) && before?.jongseong === RIEUL) {
    return [`${head.slice(0, -1)}${combineCharacter(before.choseong, before.jungseong)}르`, form];
  }
  const stems: string[] = [];
  const unfolded = last.choseong === HIEUH && last.jungseong === 'ㅐ' ? 'ㅏ' : UNFOLDED[last.jungseong];
  if (unfolded) stems.push(`${head}${combineCharacter(last.choseong, unfolded)}`);
  // ㅡ gives way to 아/어 in one-syllable stems (끄 → 꺼, 쓰 → 써); longer words ending so are mostly loanwords (드라이버).
  if (head === '' && OPENING.has(last.jungseong)) stems.push(combineCharacter(last.choseong, 'ㅡ'));
  stems.push(form);
  return stems;
}

/** The 아/어 of an ending. */
const OPENING = new Set(['ㅏ', 'ㅓ']);

/** A stem's last vowel as it was before the 아/어 folded into it (ㅕ → ㅣ, ㅝ → ㅜ). */
const UNFOLDED: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CONTRACTED).map(([vowel, folded]) => [folded, vowel]));
