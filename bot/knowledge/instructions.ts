import { hasHangul } from '../core/lang.js';

/**
 * Words written in capitals, whole: a capital word inside an identifier (SMTP_FROM, FROM_EMAIL,
 * x-FROM-y) or a variable ($USER, %USER%, USER=root) is part of a name, not an instruction.
 */
const CAPITALIZED = /(?<![\w$%{-])[A-Z]{2,}(?![\w=-])/gu;
const LETTER = /\p{L}/u;

/** The letters of a text, in any script, counted without gathering them (topic answers run to pages). */
function letterCount(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code > 0x7f && LETTER.test(text[at]!))) count++;
  }
  return count;
}

/**
 * Whether the instructions a text writes in capitals are written so on purpose. A text in capitals
 * throughout is shouting, not quoting a Dockerfile ("HOW DO I COPY FILES FROM MY HOST"): judged by
 * its other words, as the instructions are what is in question ("FROM", "FROM node", "FROM vs RUN"
 * quote). Korean has no capitals, so beside Hangul a word in capitals is always written so.
 */
function capitalsMeantAsWritten(text: string, capitals: readonly string[], instructions: ReadonlySet<string>): boolean {
  if (hasHangul(text)) return true;
  let other = 0;
  let quoted = 0;
  for (const word of capitals) {
    if (instructions.has(word)) quoted += word.length;
    else other += word.length;
  }
  return other === 0 || other * 2 < letterCount(text) - quoted;
}

/** Whether a question writes a Dockerfile instruction the way a Dockerfile does ("USER node", "FROM scratch", "FROM은 뭐야"). */
export function quotesInstruction(question: string, instructions: ReadonlySet<string>): boolean {
  const capitals = question.match(CAPITALIZED) ?? [];
  return capitals.some((word) => instructions.has(word)) && capitalsMeantAsWritten(question, capitals, instructions);
}

/** Right after docker or compose, an instruction's word is the command ("docker RUN -it"). */
const COMMAND_BEFORE = /(?:^|\s)(?:docker|compose)\s+$/iu;
/** Before an article or a pronoun, it is the verb ("ADD a network", "ADD ME to the group", "COPY FROM the host"). */
const VERB_AFTER = /^\s+(?:a|an|the|me|my|your|our|us|it|some|this|that|these|those|more|to)(?![\w-])/iu;

/**
 * Marks the Dockerfile instructions a text writes in capitals as instructions: "FROM" becomes
 * "dockerfile_FROM", as "from" in lower case is a stopword ("copy a file from the host"), and "RUN"
 * becomes "RUN dockerfile_RUN", still the word run but also the instruction, so that "그럼 RUN은?"
 * after a Dockerfile answer asks about the instruction, not `docker run`. A mark is one word, which
 * the topics that write the instruction hold too.
 */
export function quotedInstructions(instructions: ReadonlySet<string>, stopwords: ReadonlySet<string>): (text: string) => string {
  if (instructions.size === 0) return (text) => text;
  const quoted = new RegExp(CAPITALIZED.source.replace('[A-Z]{2,}', `(?:${[...instructions].join('|')})`), 'gu');
  const mark = (word: string, at: number, text: string): string => {
    if (COMMAND_BEFORE.test(text.slice(Math.max(0, at - 10), at)) || VERB_AFTER.test(text.slice(at + word.length, at + word.length + 8))) return word;
    return stopwords.has(word.toLowerCase()) ? `dockerfile_${word}` : `${word} dockerfile_${word}`;
  };
  return (text) => {
    quoted.lastIndex = 0;
    if (!quoted.test(text)) return text;
    if (!capitalsMeantAsWritten(text, text.match(CAPITALIZED) ?? [], instructions)) return text;
    return text.replace(quoted, mark);
  };
}
