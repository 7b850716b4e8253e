import { parse as shellParse } from 'shell-quote';
import { hasHangul } from '../core/lang.js';

/** `NAME=value` before the program: the shell sets the variable for that one command. */
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** `docker`, `sudo docker`, `docker-compose`, preceded by nothing but a prompt or variable assignments (`TAG="1.2 rc"` quoted). */
const COMMAND_START = /(?:^|[\s`(])((?:sudo\s+(?:-\S+\s+)*)?(?:[A-Za-z_][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|[^\s"'])*\s+)*docker(?:-compose)?)(?=\s|$)/;
/**
 * English words that begin the question wrapped around a pasted command, not part of it: asking
 * about it, or saying it fails ("docker run hello-world doesn't work").
 */
const QUESTION_WORDS = new Set([
  'what',
  "what's",
  'whats',
  'why',
  'how',
  'explain',
  'mean',
  'means',
  'does',
  'do',
  'pls',
  'please',
  'can',
  'could',
  'is',
  'not',
  "doesn't",
  "don't",
  "didn't",
  "won't",
  "can't",
  'cannot',
  "isn't",
  'fails',
  'failed',
]);
/** A question asked about the command that follows it: "what does …", "how does …", "is …". */
const ASKING = /\b(?:what|how|which|is|are|does|do|can|should)\b/i;
/**
 * Verbs and adjectives that end such a question ("… show?", "is … safe?"); a command never ends in
 * them with a question mark.
 */
const QUESTION_VERBS = new Set([
  'show', 'print', 'output', 'display', 'return', 'list', 'change', 'remove', 'delete', 'produce',
  'safe', 'dangerous', 'risky', 'necessary', 'needed', 'required', 'ok', 'okay', 'fine', 'bad', 'good', 'better', 'right', 'wrong', 'correct', 'secure', 'slow', 'fast',
]);
/** An apostrophe between two letters belongs to an English word (doesn't, it's); a shell quote never stands there. */
const WORD_APOSTROPHE = /(?<=[A-Za-z])'(?=[A-Za-z])/g;
/** Shell expansions are kept as typed: nothing is ever run, so `$(pwd)` stays `$(pwd)`. */
const EXPANSION = /\$\([^()]*\)|\$\{[^{}]*\}|`[^`]*`/g;
/**
 * A placeholder the reader is meant to fill in (`<tag>`, `<path to app>`, `docker.io/<you>/app`): kept as
 * typed. A redirection has a space or a file after `<` and no `>` closing it on the same word.
 */
const PLACEHOLDER = /<[A-Za-z0-9_](?:[A-Za-z0-9_ .\/-]*[A-Za-z0-9_])?>/g;

export interface CommandText {
  /** The command as found, continuations joined and the question around it cut away. */
  readonly line: string;
  /** Its words after shell quoting, from `docker` on; an operator (`|`, `&&`, `>`) ends it. */
  readonly words: readonly string[];
  /** Whether a question went on after it (and was cut away). */
  readonly asked: boolean;
  /** What the shell does after the command, from its first operator on (`> out.log 2>&1`, `| grep web`). */
  readonly shell?: string;
  /** What the shell pipes into the command, written before it (`cat dump.sql |`). */
  readonly fed?: string;
  /** The variables the shell sets for the command, written before it (`COMPOSE_PROFILES=worker`), as typed. */
  readonly variables?: readonly string[];
}

/**
 * Finds the first Docker command line in pasted text: inside a code block when there is one, after a
 * prompt (`$ `, `user@host:~$ `) or `sudo`, with backslash (or PowerShell backtick) continuations
 * and option lines that lost their backslash joined back on.
 */
export function findCommand(text: string): CommandText | undefined {
  for (const candidate of [...codeIn(text), text]) {
    for (const raw of logicalLines(candidate)) {
      const start = COMMAND_START.exec(raw);
      if (!start) continue;
      const whole = raw.slice(start.index + start[0].indexOf(start[1]!));
      // "what does docker images --digests show?": the command is the question's subject, its last word the question's verb.
      const line = cutQuestion(whole, ASKING.test(raw.slice(0, start.index)));
      const words = shellWords(line);
      const docker = words.findIndex((word) => word === 'docker' || word === 'docker-compose');
      const shell = shellPart(line);
      const fed = fedPart(raw.slice(0, start.index + start[0].indexOf(start[1]!)));
      if (docker < 0) continue;
      const variables = words.slice(0, docker).filter((word) => ASSIGNMENT.test(word));
      return { line, words: words.slice(docker), asked: line !== whole.trim(), ...(shell ? { shell } : {}), ...(fed ? { fed } : {}), ...(variables.length > 0 ? { variables } : {}) };
    }
  }
  return undefined;
}

/**
 * `cat dump.sql | docker exec -i db psql`: the program whose output the shell pipes into the command,
 * with its `|`. A prompt before it is no part of it; a question around it makes it no command line.
 */
function fedPart(before: string): string | undefined {
  const text = before.trim();
  if (!text.endsWith('|') || text.endsWith('||')) return undefined;
  const program = (text.slice(0, -1).split('|').at(-1) ?? '').replace(/^\S*[$#>]\s+/, '').trim();
  const words = program.split(/\s+/);
  if (!program || hasHangul(program) || words.some((word) => QUESTION_WORDS.has(word.toLowerCase()))) return undefined;
  return `${program} |`;
}

/** Fenced blocks first, then inline code: where people put what they copied. */
function codeIn(text: string): string[] {
  const fenced = [...text.matchAll(/```[\w-]*\n?([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const inline = [...text.replace(/```[\s\S]*?```/g, ' ').matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? '');
  return [...fenced, ...inline];
}

/** The lines of a paste with continuations joined (`\`, cmd's `^`, PowerShell's backtick), and option or indented lines that lost theirs. */
export function logicalLines(text: string): string[] {
  const joined = text.replace(/[\\`^][ \t]*\r?\n/g, ' ');
  const lines: string[] = [];
  for (const line of joined.split(/\r?\n/)) {
    // A line that lost its backslash still belongs to the command when it is an option or indented.
    if ((/^\s*--?[A-Za-z]/.test(line) || /^\s+\S/.test(line)) && lines.length > 0) lines[lines.length - 1] += ` ${line.trim()}`;
    else lines.push(line);
  }
  return lines;
}

/** Whether the apostrophe at `at` stands between two letters, as in a word. */
function inWord(text: string, at: number): boolean {
  WORD_APOSTROPHE.lastIndex = at;
  return WORD_APOSTROPHE.exec(text)?.index === at;
}

/**
 * Cuts the command where the question around it starts: at the first word holding Hangul, a word
 * ending in `?`, or an English question word, counting only what stands outside quotes. In a question
 * `asking` about the command, a verb ending in `?` is the question's, not an argument.
 */
function cutQuestion(line: string, asking = false): string {
  let quote: string | undefined;
  let wordStart = 0;
  for (let i = 0; i <= line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || (char === "'" && !inWord(line, i))) quote = char;
    else if (char === undefined || /\s/.test(char)) {
      const word = line.slice(wordStart, i);
      const bare = word.replace(/\?+$/, '');
      const quoted = /['"]/.test(word.replace(WORD_APOSTROPHE, ''));
      if (!quoted && (hasHangul(word) || QUESTION_WORDS.has(bare.toLowerCase()))) return line.slice(0, wordStart).trim();
      if (!quoted && bare !== word && asking && QUESTION_VERBS.has(bare.toLowerCase())) return line.slice(0, wordStart).trim();
      if (!quoted && bare !== word) return `${line.slice(0, wordStart)}${bare}`.trim();
      wordStart = i + 1;
    }
  }
  return line.trim();
}

/**
 * The line from its first shell operator on (`|`, `&`, `;`, `<`, `>` outside quotes, with a
 * redirection's descriptor: `2>`), as typed. Expansions and placeholders hold no operators.
 */
function shellPart(line: string): string | undefined {
  const masked = line.replace(EXPANSION, (found) => 'x'.repeat(found.length)).replace(PLACEHOLDER, (found) => 'x'.repeat(found.length));
  let quote: string | undefined;
  for (let at = 0; at < masked.length; at++) {
    const char = masked[at]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || (char === "'" && !inWord(masked, at))) quote = char;
    else if (/[|&;<>]/.test(char)) {
      const descriptor = at > 0 && /\d/.test(masked[at - 1]!) && (at === 1 || /\s/.test(masked[at - 2]!));
      return line.slice(descriptor ? at - 1 : at).trim();
    }
  }
  return undefined;
}

/** shell-quote's words up to the first operator; expansions and `$VAR` come back as typed. */
export function shellWords(line: string): string[] {
  const kept: string[] = [];
  const masked = windowsPathsLiteral(line).replace(EXPANSION, (expansion) => `GORAEEXPANSION${kept.push(expansion) - 1}X`).replace(PLACEHOLDER, (placeholder) => `GORAEEXPANSION${kept.push(placeholder) - 1}X`);
  const restore = (word: string) => word.replace(/GORAEEXPANSION(\d+)X/g, (_, index: string) => kept[Number(index)] ?? '');
  const words: string[] = [];
  let entries: ReturnType<typeof shellParse>;
  try {
    entries = shellParse(masked, (name) => `$${name}`);
  } catch {
    // shell-quote refuses an unclosed `${`: the words as typed, up to the first operator, are all there is.
    const typed = masked.split(/\s+/).filter(Boolean);
    const end = typed.findIndex((word) => /^[|&;<>]/.test(word));
    return (end < 0 ? typed : typed.slice(0, end)).map(restore);
  }
  for (const entry of entries) {
    if (typeof entry === 'string') words.push(restore(entry));
    else if ('op' in entry && entry.op === 'glob') words.push(restore(entry.pattern));
    else if ('op' in entry) {
      // `2>&1`: the descriptor number belongs to the redirection, not to the command.
      if (/^[<>]/.test(entry.op) && /^\d$/.test(words.at(-1) ?? '')) words.pop();
      break;
    } else break;
  }
  return words;
}

/**
 * `-v C:\Users\me\app:/app` or `.\conf\app` typed unquoted in PowerShell or cmd: there a backslash
 * is a path separator, not bash's escape, so the backslashes of an unquoted Windows path are kept as written.
 */
function windowsPathsLiteral(line: string): string {
  let out = '';
  let quote: string | undefined;
  let inPath = false;
  for (let at = 0; at < line.length; at++) {
    const char = line[at]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
      inPath = false;
    } else if (/\s/.test(char)) {
      inPath = false;
    } else if (!inPath && /[A-Za-z]/.test(char) && line[at + 1] === ':' && line[at + 2] === '\\' && (at === 0 || /[\s=:,]/.test(line[at - 1]!))) {
      inPath = true;
    } else if (!inPath && /[.%]/.test(char) && /^(?:\.{1,2}|%[A-Za-z_]\w*%)\\/.test(line.slice(at)) && (at === 0 || /[\s=:,]/.test(line[at - 1]!))) {
      // `.\conf\docker`, `..\app` and `%CD%\data`: folders as cmd and PowerShell write them.
      inPath = true;
    }
    out += !quote && inPath && char === '\\' ? '\\\\' : char;
  }
  return out;
}
