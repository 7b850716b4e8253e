export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;

/** Whether the text holds any Hangul: syllables or jamo, modern or compatibility. */
export const hasHangul = (text: string): boolean => HANGUL.test(text);

/** Any Hangul means the asker reads Korean: mixed lines like "run이랑 start" are Korean questions. */
export function languageOf(text: string): Lang {
  return hasHangul(text) ? 'ko' : 'en';
}

/** A line that is a Docker command ("docker network ls", "$ sudo docker ps") or has no letters ("?", "137"). */
const NO_LANGUAGE = /^(?:\$\s*)?(?:sudo\s+)?docker(?:-compose)?(?:\s|$)|^[^\p{L}]*$/iu;

/** Such a line, without Hangul, is written in no language: the conversation's language answers it, not English. */
export const inNoLanguage = (text: string): boolean => !hasHangul(text) && NO_LANGUAGE.test(text.trim());

export const otherLang = (lang: Lang): Lang => (lang === 'ko' ? 'en' : 'ko');

/** Maps a locale tag (Discord's `ko`, a POSIX `ko_KR.UTF-8`) to a UI language. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
