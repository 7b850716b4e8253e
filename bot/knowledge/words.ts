/**
 * The words of a lower-case text, found by one pass over its characters. They are exactly what this
 * pattern matches (test/knowledge/words.test.ts holds the two to each other):
 *
 *   [a-z0-9]+(?:[._-][a-z0-9]+)*|[\uac00-\ud7af\u3131-\u318e]+|(?<![a-z0-9])(?:--?|[\u2013\u2014])[a-z][a-z0-9-]*
 *
 * a word of letters and digits, joined by single dots, underscores or hyphens ("docker-compose",
 * "x86_64", "127.0.0.1"); a run of Hangul; or a flag ("-it", "--rm", and "–memory": typesetting turns
 * "--" into a dash and people paste it that way), which a letter or digit must not stand right before.
 * Every text of the knowledge base goes through here at each index build; the pattern took twice as
 * long, as it tried its three kinds at every space and stop.
 */
export function wordsIn(text: string): string[] {
  const spans: number[] = [];
  const count = wordSpans(text, spans);
  const words: string[] = [];
  for (let k = 0; k < count; k += 2) words.push(text.slice(spans[k], spans[k + 1]));
  return words;
}

/**
 * Where the words of `wordsIn` start and end, for reading them without cutting them out: pairs
 * written into `into` from its start, and how many numbers were written. What lies past them is left
 * from before, so one list serves text after text (emptying it would give up its room each time).
 */
export function wordSpans(text: string, into: number[]): number {
  let count = 0;
  const end = text.length;
  let at = 0;
  while (at < end) {
    const code = text.charCodeAt(at);
    let after = at;
    if (isLetterOrDigit(code)) after = joinedWordEnd(text, at);
    else if (isHangul(code)) {
      after = at + 1;
      while (after < end && isHangul(text.charCodeAt(after))) after++;
    } else if ((code === HYPHEN || code === EN_DASH || code === EM_DASH) && !(at > 0 && isLetterOrDigit(text.charCodeAt(at - 1)))) {
      after = flagEnd(text, at, code);
    }
    if (after > at) {
      into[count++] = at;
      into[count++] = after;
      at = after;
    } else at++;
  }
  return count;
}

const HYPHEN = 0x2d;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;

const isLetter = (code: number): boolean => code >= 0x61 && code <= 0x7a;
const isLetterOrDigit = (code: number): boolean => isLetter(code) || (code >= 0x30 && code <= 0x39);
const isHangul = (code: number): boolean => (code >= 0xac00 && code <= 0xd7af) || (code >= 0x3131 && code <= 0x318e);
/** A dot, an underscore or a hyphen: joins two runs of letters and digits into one word. */
const isJoiner = (code: number): boolean => code === 0x2e || code === 0x5f || code === HYPHEN;

/** Where a word of letters and digits starting at `at` ends: a joiner continues it only when one follows. */
function joinedWordEnd(text: string, at: number): number {
  let after = at + 1;
  for (;;) {
    while (after < text.length && isLetterOrDigit(text.charCodeAt(after))) after++;
    if (isJoiner(text.charCodeAt(after)) && isLetterOrDigit(text.charCodeAt(after + 1))) after += 2;
    else return after;
  }
}

/** Where a flag starting with the dash `code` at `at` ends; `at` itself when no letter follows the dashes. */
function flagEnd(text: string, at: number, code: number): number {
  let after = at + 1;
  if (code === HYPHEN && text.charCodeAt(after) === HYPHEN && isLetter(text.charCodeAt(after + 1))) after++;
  if (!isLetter(text.charCodeAt(after))) return at;
  after++;
  while (after < text.length) {
    const next = text.charCodeAt(after);
    if (isLetterOrDigit(next) || next === HYPHEN) after++;
    else break;
  }
  return after;
}
