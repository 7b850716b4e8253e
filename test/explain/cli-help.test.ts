import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, CatalogueCommand, CatalogueOption } from '../../bot/explain/catalogue.js';
import { realCatalogue } from '../support/catalogue.js';

/**
 * The catalogue against the docker CLI installed here (28.x on a workstation, Debian 12's 20.10 in
 * CI): every option its --help lists is in the catalogue, and every catalogue option it does not list
 * says why — added later, removed, hidden (always or since a version), Windows-only or from a plugin.
 */
const help = (words: readonly string[]): string => execFileSync('docker', [...words, '--help'], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent.sock' } });

interface HelpOption {
  readonly name: string;
  readonly short?: string;
}

function helpOptions(text: string): HelpOption[] {
  const options: HelpOption[] = [];
  let inOptions = false;
  for (const line of text.split('\n')) {
    if (/^\S.*Options:$/.test(line) || line === 'Options:') inOptions = true;
    else if (/^\S/.test(line)) inOptions = false;
    const match = inOptions ? /^\s+(?:-(\w), )?--([a-z0-9-]+)/.exec(line) : null;
    if (match) options.push({ name: match[2]!, ...(match[1] ? { short: match[1] } : {}) });
  }
  return options;
}

const installed = (): number[] => {
  const match = /version (\d+)\.(\d+)/.exec(execFileSync('docker', ['--version'], { encoding: 'utf8' }));
  return [Number(match![1]), Number(match![2])];
};
const atLeast = (version: number[], mark: string): boolean => {
  const [major = 0, minor = 0] = mark.split('.').map(Number);
  return version[0]! > major || (version[0] === major && version[1]! >= minor);
};

/** Why an option may be missing from this CLI's --help, or undefined when it should be there. */
function absenceReason(option: CatalogueOption, version: number[]): string | undefined {
  if (option.since && !atLeast(version, option.since)) return `added in ${option.since}`;
  if (option.until && atLeast(version, option.until)) return `removed in ${option.until}`;
  if (option.hidden) return 'hidden';
  if (option.hiddenSince && atLeast(version, option.hiddenSince)) return `hidden since ${option.hiddenSince}`;
  if (option.os) return `${option.os} only`;
  if (option.plugin) return `from the ${option.plugin} plugin`;
  if (option.everywhere) return 'taken by every command, listed by few';
  return undefined;
}

// Loaded before the tests are listed: each catalogue command is a test of its own.
const catalogue: Catalogue = await realCatalogue();
let version: number[];
beforeAll(() => {
  version = installed();
});

/**
 * Every catalogue command the docker CLI itself provides. compose, buildx, scout and init are CLI
 * plugins that CI does not install, so their commands, written from the plugins' own reference pages,
 * are left out; buildx build is checked here as build, whose alias it is.
 */
const PLUGINS = ['compose', 'buildx', 'scout', 'init'];
const CLI_COMMANDS = catalogue.commands.map((command) => command.name).filter((name) => name !== '' && !PLUGINS.some((plugin) => name === plugin || name.startsWith(`${plugin} `)));

describe("the catalogue against the installed docker CLI's --help", () => {
  it('reads a CLI version it can compare with', () => {
    expect(version[0]).toBeGreaterThanOrEqual(20);
  });

  it.each(CLI_COMMANDS)('docker %s: every listed option is known, and every unlisted one says why', (name) => {
    const command = catalogue.command(name) as CatalogueCommand;
    const text = help(name.split(' '));
    const listed = helpOptions(text);
    // The command's own help, not docker's general usage (which an unknown command prints); `docker builder prune` takes no operand, so its line ends there.
    expect(text).toMatch(new RegExp(`^Usage:\\s+docker (?:\\w+ )?${name.split(' ').at(-1)}(?: |$)`, 'm'));
    const known = new Map(catalogue.options(command).map((option) => [option.name, option]));
    const missing = listed.filter((option) => !known.has(option.name)).map((option) => `--${option.name}`);
    expect(missing, 'options the CLI lists that the catalogue lacks').toEqual([]);
    // A letter can move to a newer option: stop's -t meant --time until 28.0 added --timeout.
    const movedLater = (short: string | undefined) => short !== undefined && [...known.values()].some((option) => option.short === short && option.since && !atLeast(version, option.since));
    const wrongShort = listed.filter((option) => known.get(option.name)!.short !== option.short && !movedLater(option.short)).map((option) => `--${option.name}`);
    expect(wrongShort, 'options whose one-letter form differs').toEqual([]);
    const shown = new Set(listed.map((option) => option.name));
    const unexplained = [...known.values()].filter((option) => !shown.has(option.name) && absenceReason(option, version) === undefined).map((option) => `--${option.name}`);
    expect(unexplained, 'catalogue options this CLI lacks, with no version, hidden, hiddenSince, OS or plugin mark').toEqual([]);
    const tooNew = listed.filter((option) => known.get(option.name)!.since && !atLeast(version, known.get(option.name)!.since!)).map((option) => `--${option.name}`);
    expect(tooNew, 'options marked newer than this CLI that it already has').toEqual([]);
    const stillListed = listed.filter((option) => known.get(option.name)!.hiddenSince && atLeast(version, known.get(option.name)!.hiddenSince!)).map((option) => `--${option.name}`);
    expect(stillListed, 'options marked hidden by this CLI version that it still lists').toEqual([]);
  });
});
