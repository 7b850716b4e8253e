import type { Phrase } from './phrases.js';

/** A redirection to or from a file: `>`, `>>`, `<`, `2>`, `&>`, with the file written apart or joined on. */
const REDIRECTION = /^(\d|&)?(>>|>|<)(?!&)(\S*)$/;
/** A here-document (`<<EOF`, `<<-EOF`): the lines typed after it become the command's input. */
const HERE = /^<<-?(?!<)(\S*)$/;
/** A here-string (`<<< "select 1"`): that word becomes the command's input. */
const HERE_STRING = /^<<<(\S*)$/;
/** xargs options that take a value (`-n 1`, `-I {}`): neither is the program xargs runs. */
const XARGS_VALUES = new Set(['-n', '-I', '-L', '-P', '-d', '-s', '-E', '-a']);
/** `2>&1`: the error messages go where the output goes. */
const ERRORS_TOO = /^2>&1$/;
/** `>&2`: the output goes where the error messages go. */
const TO_ERRORS = /^1?>&2$/;
/** A redirection that moves the output itself (`> out.log`, `1>>out.log`, `&>out.log`), not only the errors. */
const MOVES_OUTPUT = /^(?:1|&)?>>?(?!&)/;
/** Where a part of the line ends and the shell goes on: to the next program, or the next command. `|&` pipes the errors too. */
const JOINS = { '|': 'pipe', '|&': 'pipe', '&&': 'and', '||': 'or', ';': 'then', '&': 'background' } as const;
type Join = (typeof JOINS)[keyof typeof JOINS];
/** The file that throws away what is written into it. */
const NOWHERE = '/dev/null';

/**
 * What the shell does with the part of a line after the docker command (`> out.log 2>&1`,
 * `2>&1 | grep ERROR`, `|| true; docker rm web`): docker never sees it, so it is said to be the
 * shell's, clause by clause. Another docker command in it is named, to be pasted alone.
 */
export function shellEffect(part: string, t: Phrase): string {
  const words = shellTokens(part);
  const said = [t('effect.shell.lead', { part })];
  let others = false;
  // The program whose input and output the redirections that follow handle: the docker command, then each one after a join.
  let current: string | undefined;
  let at = 0;
  while (at < words.length) {
    const word = words[at]!;
    if (word in JOINS) {
      // What runs after the join, up to its own redirections, which are read after it.
      const start = at + 1;
      const end = nextJoin(words, start);
      const own = words.findIndex((piece, k) => k >= start && k < end && isRedirection(piece));
      const program = words.slice(start, own < 0 ? end : own);
      const join = JOINS[word as keyof typeof JOINS];
      // `cmd &` sends cmd to the background; `cmd & docker ps` goes on at once with the next.
      if (join === 'background') said.push(t('effect.shell.background'));
      if (word === '|&') said.push(t('effect.shell.errorsToo'));
      // `docker rm web;` ends with nothing after its join: there is nothing more to say.
      if (program.length > 0) said.push(joined(join === 'background' ? 'then' : join, program, t, join === 'pipe' ? piped(words, at) : 'output'));
      const docker = program.indexOf('docker');
      if (docker >= 0 && program[docker + 1]) said.push(t('effect.shell.dockerToo', { command: `docker ${program[docker + 1]}` }));
      others ||= program.length > 0;
      if (program.length > 0) current = program.join(' ');
      at = own < 0 ? end : own;
      continue;
    }
    const string = HERE_STRING.exec(word);
    if (string) {
      // `<<< "select 1"`: the quoted words up to the next join are the one string fed in.
      const end = nextJoin(words, at + 1);
      said.push(t('effect.shell.hereString', { text: string[1] || words.slice(at + 1, end).join(' ') }));
      at = string[1] ? at + 1 : end;
      continue;
    }
    if (ERRORS_TOO.test(word)) said.push(t(errorsClause(words, at)));
    else if (TO_ERRORS.test(word)) said.push(t('effect.shell.toErrors'));
    else {
      const clause = redirection(word, words[at + 1], t, current);
      said.push(...clause.said);
      if (clause.tookNext) at++;
    }
    at++;
  }
  if (others) said.push(t('effect.shell.only'));
  return said.join(' ');
}

/**
 * The shell's words, quotes kept whole (`grep -E "error|warn"` holds no pipe), with each join a word
 * of its own even when written against another (`true;`, `a&&b`). `&` in `&>` or `2>&1` is no join.
 */
function shellTokens(part: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  const end = () => {
    if (word) words.push(word);
    word = '';
  };
  for (let at = 0; at < part.length; at++) {
    const char = part[at]!;
    if (quote) {
      word += char;
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
      word += char;
    } else if (/\s/.test(char)) end();
    else if ((char === '|' || char === '&' || char === ';') && !(char === '&' && (part[at + 1] === '>' || part[at - 1] === '>'))) {
      end();
      const pair = part.slice(at, at + 2);
      const join = pair === '||' || pair === '&&' || pair === '|&' ? pair : char;
      words.push(join);
      at += join.length - 1;
    } else word += char;
  }
  end();
  return words;
}

/** What the shell does with the command's own input and output: reads a file or pipe in, or takes what it prints. */
export function shellHandles(part: string): { readonly input: boolean; readonly output: boolean } {
  const words = shellTokens(part);
  const first = words.findIndex((word) => word in JOINS);
  const own = first < 0 ? words : words.slice(0, first);
  return {
    input: own.some((word) => /^0?</.test(word)),
    output: own.some((word) => /^(?:1|&)?>(?!&)/.test(word)) || JOINS[words[first] as keyof typeof JOINS] === 'pipe',
  };
}

const isRedirection = (word: string): boolean => REDIRECTION.test(word) || HERE.test(word) || HERE_STRING.test(word) || ERRORS_TOO.test(word) || TO_ERRORS.test(word);

/**
 * `2>&1 > out.log` sends the errors where the output was when the shell read `2>&1` (the terminal,
 * or the pipe that follows, as the shell sets that up first), and only then the output to the file:
 * the order of the two is the meaning.
 */
function errorsClause(words: readonly string[], at: number): 'effect.shell.errorsToo' | 'effect.shell.errorsFirst' | 'effect.shell.errorsFirstPipe' {
  const end = nextJoin(words, at);
  const movedBefore = words.slice(previousJoin(words, at), at).some((word) => MOVES_OUTPUT.test(word));
  if (movedBefore || !words.slice(at + 1, end).some((word) => MOVES_OUTPUT.test(word))) return 'effect.shell.errorsToo';
  return JOINS[words[end] as keyof typeof JOINS] === 'pipe' ? 'effect.shell.errorsFirstPipe' : 'effect.shell.errorsFirst';
}

const previousJoin = (words: readonly string[], from: number): number => {
  for (let k = from - 1; k >= 0; k--) if (words[k]! in JOINS) return k + 1;
  return 0;
};

const nextJoin = (words: readonly string[], from: number): number => {
  const at = words.findIndex((word, k) => k >= from && word in JOINS);
  return at < 0 ? words.length : at;
};

/**
 * What a pipe at `at` carries: the output, unless a redirection before it sent the output to a
 * file; then only the errors a `2>&1` before that redirection sends along, or nothing. (`|&` adds
 * its `2>&1` after the command's own redirections, so the errors follow the output to the file.)
 */
function piped(words: readonly string[], at: number): 'output' | 'errors' | 'nothing' {
  const start = previousJoin(words, at);
  const segment = words.slice(start, at);
  if (!segment.some((word) => MOVES_OUTPUT.test(word))) return 'output';
  const errors = segment.some((word, k) => ERRORS_TOO.test(word) && errorsClause(words, start + k) === 'effect.shell.errorsFirstPipe');
  return errors ? 'errors' : 'nothing';
}

/** What the shell runs after a join: `xargs docker stop` runs docker stop on what it is handed. */
function joined(join: Join, segment: readonly string[], t: Phrase, carried: 'output' | 'errors' | 'nothing'): string {
  const command = segment.join(' ');
  if (join === 'pipe' && carried !== 'output') return t(carried === 'errors' ? 'effect.shell.pipeErrors' : 'effect.shell.pipeNothing', { command });
  if (join === 'pipe' && segment[0] === 'xargs') {
    let at = 1;
    while (at < segment.length && segment[at]!.startsWith('-')) at += XARGS_VALUES.has(segment[at]!) ? 2 : 1;
    return t('effect.shell.xargs', { program: segment.slice(at).join(' ') });
  }
  return t(`effect.shell.${join}`, { command });
}

/** Who a redirection's clause speaks of: the docker command, or the program after a join (`| gzip > out.gz` writes gzip's output). */
function owner(program: string | undefined, t: Phrase): { who: string; whose: string } {
  return program === undefined
    ? { who: t('effect.shell.who.command'), whose: t('effect.shell.whose.command') }
    : { who: t('effect.shell.who.program', { program }), whose: t('effect.shell.whose.program', { program }) };
}

/** A redirection's clause, and whether the file stood apart from the operator as the next word. */
function redirection(word: string, next: string | undefined, t: Phrase, program?: string): { said: string[]; tookNext: boolean } {
  const here = HERE.exec(word);
  if (here) return { said: [t('effect.shell.here', { end: here[1] || next || '' })], tookNext: !here[1] };
  const found = REDIRECTION.exec(word);
  if (!found) return { said: [], tookNext: false };
  const [, descriptor, operator, joinedFile] = found;
  const file = joinedFile || next || '';
  const tookNext = !joinedFile;
  const whom = owner(program, t);
  if (operator === '<') return { said: [t('effect.shell.input', { file, ...whom })], tookNext };
  if (file === NOWHERE) {
    const dropped = t(descriptor === '2' ? 'effect.shell.dropErrors' : 'effect.shell.drop', whom);
    return { said: descriptor === '&' ? [dropped, t('effect.shell.errorsToo')] : [dropped], tookNext };
  }
  const key = descriptor === '2' ? (operator === '>>' ? 'appendErrors' : 'errors') : operator === '>>' ? 'append' : 'output';
  return { said: [t(`effect.shell.${key}`, { file, ...whom }), ...(descriptor === '&' ? [t('effect.shell.errorsToo')] : [])], tookNext };
}
