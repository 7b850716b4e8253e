import { languageOf } from '../core/lang.js';
import { fail, map, ok, type Result } from '../core/result.js';
import { asksAboutCommand, comparesCommands } from '../core/sentence-words.js';
import { editDistance } from '../knowledge/fuzzy.js';
import { checkLabAction, LAB_ACTIONS, shown, type LabAction, type LabActionName, type LabInputError } from './actions.js';

/*
 * The text fronts: `gorae lab …` argv or a chat line such as `docker ps -a` read into the same
 * draft a slash command builds, then through the one check (checkLabAction). Words are only ever
 * compared against the whitelist below; nothing is handed to a shell. Text a shell would act on
 * (`; rm`, `$(…)`, `| sh`) is refused rather than read literally: whoever typed it expects a shell
 * that is not there. Where a shell would take it literally — an operator inside quotes, or in argv
 * a shell already split — it is just a character: `--filter "name=a;b"` filters by `a;b`.
 */

export interface LabCommand {
  readonly action: LabAction;
  /** `--json`: the terminal prints rows as JSON instead of a table. */
  readonly json: boolean;
}

type Kind = 'flag' | 'value';
interface Option {
  readonly names: readonly string[];
  readonly kind: Kind;
  readonly apply: (into: Draft, value: string) => Result<void, LabInputError>;
}
type Draft = Record<string, unknown> & { action: LabActionName };

/** An option that stores its value (`--file x.tar`), or `true` for a switch (`--all`). */
const take = (key: string) => (into: Draft, value: string) => {
  into[key] = value;
  return ok(undefined);
};
/** An option that may come again, each value kept (`--filter name=a --filter name=b`). */
const add = (key: string) => (into: Draft, value: string) => {
  into[key] = [...((into[key] as string[] | undefined) ?? []), value];
  return ok(undefined);
};
const flag = (key: string) => (into: Draft) => {
  into[key] = true;
  return ok(undefined);
};

const HOST: Option = { names: ['--host'], kind: 'value', apply: take('host') };
const JSON_OUTPUT: Option = { names: ['--json'], kind: 'flag', apply: flag('json') };
const ALL: Option = { names: ['-a', '--all'], kind: 'flag', apply: flag('all') };

const OPTIONS: Record<LabActionName, readonly Option[]> = {
  ps: [
    ALL,
    { names: ['-f', '--filter'], kind: 'value', apply: psFilter },
    { names: ['--name'], kind: 'value', apply: add('name') },
    { names: ['--state', '--status'], kind: 'value', apply: add('state') },
    JSON_OUTPUT,
    HOST,
  ],
  images: [
    ALL,
    { names: ['--dangling'], kind: 'flag', apply: flag('dangling') },
    { names: ['-f', '--filter'], kind: 'value', apply: imagesFilter },
    JSON_OUTPUT,
    HOST,
  ],
  save: [
    { names: ['-o', '--output', '--file'], kind: 'value', apply: take('file') },
    { names: ['-z', '--gzip'], kind: 'flag', apply: flag('gzip') },
    { names: ['--force'], kind: 'flag', apply: flag('force') },
    HOST,
  ],
  load: [
    { names: ['-i', '--input', '--file'], kind: 'value', apply: take('file') },
    { names: ['-y', '--yes'], kind: 'flag', apply: flag('yes') },
    HOST,
  ],
};

function psFilter(into: Draft, filter: string): Result<void, LabInputError> {
  const [key, value] = splitFilter(filter);
  // `name=` with nothing after it is an empty pattern, which the name check explains.
  if (key === 'name') return add('name')(into, value);
  if (key === 'status' && value) return add('state')(into, value);
  return fail('lab.parse.filter', { filter: shown(filter), action: 'ps', filters: 'name=…, status=…' });
}

function imagesFilter(into: Draft, filter: string): Result<void, LabInputError> {
  const [key, value] = splitFilter(filter);
  if (key === 'dangling' && value === 'true') return flag('dangling')(into);
  return fail('lab.parse.filter', { filter: shown(filter), action: 'images', filters: 'dangling=true' });
}

const splitFilter = (filter: string): [string, string] => {
  const cut = filter.indexOf('=');
  return cut < 0 ? [filter, ''] : [filter.slice(0, cut), filter.slice(cut + 1)];
};

/** `docker ps`, `docker container ls`, `image save` …: the spellings of the four actions. */
const SPELLINGS: ReadonlyArray<readonly [readonly string[], LabActionName]> = [
  [['ps'], 'ps'],
  [['container', 'ls'], 'ps'],
  [['container', 'list'], 'ps'],
  [['container', 'ps'], 'ps'],
  [['images'], 'images'],
  [['image', 'ls'], 'images'],
  [['image', 'list'], 'images'],
  [['save'], 'save'],
  [['image', 'save'], 'save'],
  [['load'], 'load'],
  [['image', 'load'], 'load'],
];

/**
 * Substitutions, escapes and control characters: refused anywhere, quoted or not, in a line or in
 * argv. A `$` that ends a word expands nothing in any shell: `name=^web$` is a pattern's end.
 */
const EXPANDING = /[`$\\\u0000-\u001f\u007f]/u;
/** What a `$` expands with: a name, a special parameter, a brace, a parenthesis or a quote (`$'…'`). */
const EXPANSION_START = /[A-Za-z0-9_{(@*#?!$'"-]/u;
/** The same in a word of argv: there a `$` expands only before what could start a name or a substitution. */
const EXPANDING_IN_WORD = new RegExp(`[\`\\\\\u0000-\u001f\u007f]|\\$(?=${EXPANSION_START.source})`, 'u');

/**
 * Whether a character of a typed line expands in a shell. A `$` does before a name, a brace, a
 * parenthesis or an opening quote (`$'…'`), quoted or not; not before a space, `|`, the quote that
 * closes it, or the end (`name=^web$|^db$`).
 */
const expands = (char: string, next: string | undefined, quote: string | undefined): boolean =>
  char === '$' ? next !== undefined && next !== quote && EXPANSION_START.test(next) : EXPANDING.test(char);
/** Shell operators: refused where a shell would act on them, outside quotes in a line. */
const OPERATOR = /[;|&<>]/;
/** A word with a shell operator written onto it (`ps;`, `ps|`) as the word alone; an operator alone stays itself. */
const withoutOperator = (word: string): string => word.replace(/[;|&<>]+$/u, '') || word;

/** Splits a chat line into words; quotes group words, nothing is expanded. */
export function splitWords(line: string): Result<string[], LabInputError> {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  const chars = [...line];
  for (const [at, char] of chars.entries()) {
    if (expands(char, chars[at + 1], quote) || (!quote && OPERATOR.test(char))) {
      return fail('lab.parse.unsafe', { char: describeChar(char) });
    }
    if (quote) {
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote) return fail('lab.parse.quote', { quote });
  if (word !== undefined) words.push(word);
  return ok(words);
}

const describeChar = (char: string): string => (/[\u0000-\u001f\u007f]/.test(char) ? `U+${char.codePointAt(0)!.toString(16).padStart(4, '0')}` : char);

/**
 * What an attempt asked for, even when it is refused: the action its spelling names (`save` for
 * `docker image save … --file ../x.tar`), else its first word, for the audit log.
 */
export function attemptedAction(input: string | readonly string[]): string {
  const all = typeof input === 'string' ? input.trim().split(/\s+/) : input;
  // `ps;` or `ps|`: the operator written onto the action is the shell's, the action is ps.
  const words = (all[0] === 'docker' ? all.slice(1) : all).map((word, at) => (at <= 1 ? withoutOperator(word) : word));
  const spelling = SPELLINGS.find(([spelled]) => spelled.every((word, i) => words[i] === word));
  return spelling ? spelling[1] : shown(words[0] ?? '').slice(0, 40) || 'unknown';
}

/** A chat line (`docker ps -a`) or argv (`['ps', '--all']`) → a whitelisted action, or why not. */
export function parseLab(input: string | readonly string[]): Result<LabCommand, LabInputError> {
  let words: readonly string[];
  if (typeof input === 'string') {
    const split = splitWords(input);
    if (!split.ok) return split;
    words = split.value;
  } else {
    const unsafe = input.find((word) => EXPANDING_IN_WORD.test(word));
    if (unsafe !== undefined) return fail('lab.parse.unsafe', { char: describeChar(EXPANDING_IN_WORD.exec(unsafe)![0]) });
    words = input;
  }
  if (words[0] === 'docker') words = words.slice(1);
  if (words.length === 0) return fail('lab.parse.empty');
  const spelling = SPELLINGS.find(([spelled]) => spelled.every((word, i) => words[i] === word));
  if (!spelling) {
    const asked = words[0] === 'container' || words[0] === 'image' ? words.slice(0, 2).join(' ') : words[0]!;
    // `sve`, `imgaes`: one slip from an action is that action mistyped, and saying which helps more than the list alone.
    // Three letters at least: vs, os and is are one slip from ps, and no slip at all. Nor is a word the
    // action starts with: `docker image` is Docker's own command group, asked about.
    const meant = asked.length >= 3 ? LAB_ACTIONS.find((action) => !action.startsWith(asked) && editDistance(asked, action, 1) <= 1) : undefined;
    return meant ? fail('lab.parse.actionTypo', { action: shown(asked), meant }) : fail('lab.parse.action', { action: shown(asked) });
  }
  const [spelled, action] = spelling;
  const draft: Draft = { action };
  const rest = readOptions(action, words.slice(spelled.length), draft);
  if (!rest.ok) return rest;
  const positional = placeArguments(action, rest.value, draft);
  if (!positional.ok) return positional;
  const { json, ...fields } = draft;
  return map(checkLabAction(fields), (checked) => ({ action: checked, json: json === true }));
}

/** Applies every option and returns the remaining words, refusing options the action lacks. */
function readOptions(action: LabActionName, words: readonly string[], draft: Draft): Result<string[], LabInputError> {
  const options = OPTIONS[action];
  const find = (name: string) => options.find((option) => option.names.includes(name));
  const positional: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (word === '--') {
      positional.push(...words.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      positional.push(word);
      continue;
    }
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = eq > 0 ? word.slice(0, eq) : word;
    const option = find(name);
    if (!option) {
      const cluster = clusterOfFlags(word, find);
      if (!cluster) return fail('lab.parse.flag', { flag: shown(word), action });
      for (const flag of cluster) flag.apply(draft, 'true');
      continue;
    }
    if (option.kind === 'flag') {
      const value = eq > 0 ? word.slice(eq + 1) : 'true';
      if (value !== 'true' && value !== 'false') return fail('lab.parse.flag', { flag: shown(word), action });
      if (value === 'true') option.apply(draft, value);
      continue;
    }
    const value = eq > 0 ? word.slice(eq + 1) : words[++i];
    if (value === undefined || value === '') return fail('lab.parse.value', { flag: name });
    const applied = option.apply(draft, value);
    if (!applied.ok) return applied;
  }
  return ok(positional);
}

/** `-ay` as docker's flag parser reads it: several one-letter switches at once. */
function clusterOfFlags(word: string, find: (name: string) => Option | undefined): Option[] | undefined {
  if (word.startsWith('--') || word.length < 3) return undefined;
  const flags = [...word.slice(1)].map((letter) => find(`-${letter}`));
  return flags.every((flag) => flag?.kind === 'flag') ? (flags as Option[]) : undefined;
}

function placeArguments(action: LabActionName, words: readonly string[], draft: Draft): Result<void, LabInputError> {
  if (action === 'save') {
    draft.images = [...words];
    return ok(undefined);
  }
  if (action === 'load' && draft.file === undefined && words.length === 1) {
    draft.file = words[0];
    return ok(undefined);
  }
  if (action === 'load' && words.length === 0 && draft.file === undefined) return fail('lab.parse.missing.file');
  const extra = action === 'load' && draft.file === undefined ? words[1] : words[0];
  return extra === undefined ? ok(undefined) : fail('lab.parse.argument', { argument: shown(extra), action });
}

/**
 * Whether a chat line is meant as a command rather than a question: it starts with `docker` or one
 * of the four actions, and is neither Korean nor a question ("docker ps가 뭐야?" is a question).
 * English questions may open with an action's name too ("images in docker", "load balancing",
 * "docker ps not showing my container"): such a line is a command only when it reads as one, or
 * carries nothing but options and names. Any other `docker` command is one too, for the chat to
 * say it does not run it, unless its quotes are left open, as a sentence's apostrophe leaves them.
 */
export function isCommandLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || languageOf(text) === 'ko' || text.endsWith('?')) return false;
  // `docker ps; rm -rf /`: an operator written onto the action still makes it a line for the lab, which refuses it.
  const words = text.split(/\s+/).map((word, at) => (at <= 1 ? withoutOperator(word) : word));
  const docker = words[0] === 'docker';
  const [first, ...rest] = docker ? words.slice(1) : words;
  // Another docker command is one only where it splits as a command line and reads as none: "docker run x doesn't work"
  // and "docker compose up ignores my env file" do not.
  // "docker vs kubernetes", "docker compose up vs docker run": a comparison, not a command.
  if (!(LAB_ACTIONS as readonly string[]).includes(first!)) return docker && splitWords(text).ok && !comparesCommands([first!, ...rest]);
  // A shell line (`docker ps -a | grep a`) is an attempt the lab refuses, whatever words follow the operator.
  const parsed = parseLab(text);
  if (!parsed.ok && parsed.error.id === 'lab.parse.unsafe') return true;
  // "docker save vs export" asks about the action; it names no images.
  if (asksAboutCommand(rest)) return false;
  return parsed.ok || !rest.some((word) => /^[a-z]+$/i.test(word));
}
