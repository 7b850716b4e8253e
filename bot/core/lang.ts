import { readsAsSentence } from './sentence-words.js';

export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;

/** Whether the text holds any Hangul: syllables or jamo, modern or compatibility. */
export const hasHangul = (text: string): boolean => HANGUL.test(text);

/** Any Hangul means the asker reads Korean: mixed lines like "run이랑 start" are Korean questions. */
export function languageOf(text: string): Lang {
  return hasHangul(text) ? 'ko' : 'en';
}

/** A line that opens as a Docker command ("docker network ls", "$ sudo docker ps"), and what follows. */
const COMMAND_LINE = /^(?:\$\s*)?(?:sudo\s+)?docker(?:-compose)?(?:\s+(.*))?$/isu;
const NO_LETTERS = /^[^\p{L}]*$/u;
/**
 * A line a program printed: a path and a colon ("./entrypoint.sh: permission denied"), a program's
 * name before another colon or an exit code ("bash: docker: command not found", "curl: (7) …"), a
 * severity or an exception ("Error: Cannot find module 'express'", "ModuleNotFoundError: …", apt's
 * "E: …", "npm ERR! …"), or a Compose service's log prefix ("web-1  | Error: …"). "Mac: how do I install docker" is a person's label, not a program's.
 */
const PRINTED_LINE = /^(?:[\w-]*[./][\w./-]*:\s|\w*(?:error|exception)(?:\[\d+\])?:\s|(?:fatal|warning|panic|e|w):\s|npm (?:err!|warn)\s|[a-z][\w-]*:\s+(?:[\w./-]+:|\(\d+\))\s|[\w.-]+\s+\|\s)/iu;

/**
 * A Docker command line ("docker network ls"), a line a program printed ("sh: ping: not found") or a
 * line with no letters ("?", "137"), without Hangul, is written in no language: the conversation's
 * language answers it, not English. A line that opens
 * with docker but asks or says something in English ("docker vs podman?", "docker is slow on mac") is English.
 */
export function inNoLanguage(text: string): boolean {
  const line = text.trim();
  if (hasHangul(line)) return false;
  if (NO_LETTERS.test(line)) return true;
  if (PRINTED_LINE.test(line) && !line.endsWith('?')) return true;
  const command = COMMAND_LINE.exec(line);
  return command !== null && !line.endsWith('?') && !readsAsSentence((command[1] ?? '').split(/\s+/));
}

export const otherLang = (lang: Lang): Lang => (lang === 'ko' ? 'en' : 'ko');

/** Maps a locale tag (Discord's `ko`, a POSIX `ko_KR.UTF-8`) to a UI language. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
