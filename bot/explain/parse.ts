import { editDistance } from '../knowledge/fuzzy.js';
import type { Catalogue, CatalogueCommand, CatalogueOption, OperandKind } from './catalogue.js';

/** One typed option: `typed` is the option as written, without its value (`-p`, `--name`, `-d` of `-dit`). */
export interface OptionToken {
  readonly kind: 'option';
  readonly typed: string;
  readonly option?: CatalogueOption;
  readonly value?: string;
  /** For an unknown option: the known one it is a near typo of, as `--name`. */
  readonly suggestion?: string;
  /** Written with a typeset dash (`–name`, `—rm`), which docker reads as an ordinary word. */
  readonly typesetDash?: boolean;
}

export interface OperandToken {
  readonly kind: 'operand';
  readonly typed: string;
  /** What the word stands for; `argument` is a word after the command (`-la` of `ls -la`). */
  readonly operand: OperandKind | 'argument';
}

export interface SubcommandToken {
  readonly kind: 'subcommand';
  readonly typed: string;
  /** The full name: the command's own, or what was typed under the commands above it (`compose run`). */
  readonly name: string;
  readonly command?: CatalogueCommand;
}

export type Token = OptionToken | OperandToken | SubcommandToken;

export interface ParsedCommand {
  /** The subcommand's canonical name (`run` for `docker container run`), or what was typed when unknown (`compose frob`). */
  readonly subcommand: string;
  readonly command?: CatalogueCommand;
  readonly tokens: readonly Token[];
}

/** The CLI plugins read as a part of their own, whose subcommands are named after them (`compose up`, `buildx imagetools inspect`, `scout cves`). */
const PLUGINS = ['compose', 'buildx', 'scout'] as const;

/**
 * Reads docker's words the way the docker CLI does (cobra/pflag): global options, a subcommand in
 * one or two words (after a plugin's name and options, for compose, buildx and scout), then its options
 * (combined short flags, `--opt=value`, `--opt value`, `-p80:80`) and operands. Nothing is looked
 * up that the catalogue does not list.
 */
export function parseCommand(words: readonly string[], catalogue: Catalogue): ParsedCommand {
  const tokens: Token[] = [];
  let at = 1;
  const readOptions = (scope: CatalogueCommand | undefined): void => {
    while (at < words.length && words[at]!.startsWith('-') && words[at] !== '-') at = readOption(words, at, scope ? catalogue.options(scope) : [], tokens);
  };
  // docker-compose is a program of its own: the words after it are Compose's, never docker's global options.
  const standaloneCompose = words[0] === 'docker-compose';
  if (!standaloneCompose) readOptions(catalogue.command(''));

  // A plugin's own options may come before its subcommand (`docker compose -f prod.yml up`, `docker buildx --builder multi ls`).
  let prefix = '';
  const plugin = standaloneCompose ? 'compose' : PLUGINS.find((name) => words[at] === name);
  if (plugin) {
    tokens.push({ kind: 'subcommand', typed: standaloneCompose ? words[0]! : words[at++]!, name: plugin, command: catalogue.command(plugin) });
    readOptions(catalogue.command(plugin));
    prefix = `${plugin} `;
  }
  const two = `${prefix}${words[at] ?? ''} ${words[at + 1] ?? ''}`;
  const one = `${prefix}${words[at] ?? ''}`;
  const command = catalogue.command(two) ?? (words[at] === undefined ? undefined : catalogue.command(one));
  const typedWords = command && catalogue.command(two) === command ? 2 : 1;
  const typed = words.slice(at, at + typedWords).join(' ');
  const name = command?.name ?? `${prefix}${typed}`;
  if (typed) tokens.push({ kind: 'subcommand', typed, name, ...(command ? { command } : {}) });
  at += typed ? typedWords : 0;

  const options = command ? catalogue.options(command) : [];
  const kinds = command?.operands ?? [];
  let operands = 0;
  let optionsDone = false;
  while (at < words.length) {
    const word = words[at]!;
    if (!optionsDone && word === '--') {
      optionsDone = true;
      at++;
    } else if (!optionsDone && word.startsWith('-') && word !== '-') {
      at = readOption(words, at, options, tokens);
    } else if (!optionsDone && typesetOption(word, options)) {
      // `–log-opt` pasted from a blog or a word processor: docker takes it for the image, but it is plainly the option.
      const option = typesetOption(word, options)!;
      tokens.push({ kind: 'option', typed: word.split('=')[0]!, suggestion: `--${option.name}`, typesetDash: true });
      at += option.value && !word.includes('=') && at + 1 < words.length ? 2 : 1;
    } else {
      const kind = kinds[operands] ?? (command?.repeats ? kinds.at(-1) : undefined) ?? 'argument';
      tokens.push({ kind: 'operand', typed: word, operand: kind });
      operands++;
      if (command?.optionsFirst) optionsDone = true;
      at++;
    }
  }
  return { subcommand: typed ? name : '', ...(command ? { command } : {}), tokens };
}

/** The option a word names after a typeset dash (– or —, once or twice), if the command has it. */
function typesetOption(word: string, options: readonly CatalogueOption[]): CatalogueOption | undefined {
  const match = /^[\u2013\u2014]{1,2}([a-z][a-z0-9-]*)(?:=|$)/.exec(word);
  return match ? options.find((candidate) => candidate.name === match[1]) : undefined;
}

/** Whether a word reads, as the CLI reads it, as options of these alone (`-p`, `-it`, `--gpus=all`), none unknown. */
export function readsAsOptions(word: string, options: readonly CatalogueOption[]): boolean {
  const tokens: Token[] = [];
  readOption([word], 0, options, tokens);
  return tokens.length > 0 && tokens.every((token) => token.kind === 'option' && token.option !== undefined);
}

/** Reads the option at `at` (and its value); returns where the next word starts. */
function readOption(words: readonly string[], at: number, options: readonly CatalogueOption[], tokens: Token[]): number {
  const word = words[at]!;
  if (word.startsWith('--')) {
    const equals = word.indexOf('=');
    const name = word.slice(2, equals < 0 ? undefined : equals);
    const option = options.find((candidate) => candidate.name === name);
    const known = option ?? nearTypo(name, options);
    const inline = equals < 0 ? undefined : word.slice(equals + 1);
    const takesNext = inline === undefined && known?.value === true && at + 1 < words.length;
    const value = inline ?? (takesNext ? words[at + 1] : undefined);
    tokens.push({
      kind: 'option',
      typed: `--${name}`,
      ...(option ? { option } : known ? { suggestion: `--${known.name}` } : {}),
      ...(value === undefined ? {} : { value }),
    });
    return at + (takesNext ? 2 : 1);
  }
  const letters = word.slice(1);
  const long = options.find((candidate) => candidate.name === letters.split('=')[0]);
  if (letters.length > 1 && [...letters].some((letter) => !options.some((candidate) => candidate.short === letter)) && long) {
    // `-name web`: a long option typed with one dash, which docker reads as -n -a -m -e and refuses.
    tokens.push({ kind: 'option', typed: word, suggestion: `--${long.name}` });
    return at + (long.value ? 2 : 1);
  }
  for (let index = 0; index < letters.length; index++) {
    const letter = letters[index]!;
    const option = options.find((candidate) => candidate.short === letter);
    if (!option) {
      tokens.push({ kind: 'option', typed: `-${letter}` });
      continue;
    }
    if (!option.value) {
      // `-H=false`: a flag letter may take its value after `=`, as pflag reads it; the word ends there.
      if (letters[index + 1] === '=') {
        tokens.push({ kind: 'option', typed: `-${letter}`, option, value: letters.slice(index + 2) });
        return at + 1;
      }
      tokens.push({ kind: 'option', typed: `-${letter}`, option });
      continue;
    }
    const rest = letters.slice(index + 1).replace(/^=/, '');
    if (rest) {
      tokens.push({ kind: 'option', typed: `-${letter}`, option, value: rest });
      return at + 1;
    }
    const value = words[at + 1];
    tokens.push({ kind: 'option', typed: `-${letter}`, option, ...(value === undefined ? {} : { value }) });
    return at + (value === undefined ? 1 : 2);
  }
  return at + 1;
}

/** The known option one or two edits away (`--netwrok` → `--network`), when exactly one is closest. */
export function nearTypo(name: string, options: readonly CatalogueOption[]): CatalogueOption | undefined {
  const max = name.length >= 6 ? 2 : 1;
  let best: CatalogueOption | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const option of options) {
    const distance = editDistance(name, option.name, max);
    if (distance < bestDistance) [best, bestDistance, tie] = [option, distance, false];
    else if (distance === bestDistance) tie = true;
  }
  return best && !tie && bestDistance <= max ? best : undefined;
}
