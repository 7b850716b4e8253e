import { z } from 'zod';

const line = z.string().trim().min(1);
const text = z.object({ en: line, ko: line }).strict();
const version = z.string().regex(/^\d+\.\d+$/, 'a Docker CLI version like 25.0');
/** Whether CLI version `a` (like 28.10) comes after `b` (like 28.2), compared as numbers rather than text. */
const isAfter = (a: string, b: string): boolean => {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor > bMajor || (aMajor === bMajor && aMinor > bMinor);
};
const topicIds = z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).default([]);

/** What the words after the options stand for, in order (a command's `repeats` lets the last come again). */
export const OPERAND_KINDS = ['image', 'container', 'command', 'path', 'context', 'name', 'newName', 'psOptions', 'service', 'archive', 'object', 'port', 'network', 'volume', 'registry', 'term', 'dockerContext', 'swarmManager', 'swarmRole', 'swarmService', 'serviceOrTask', 'serviceScale', 'stack', 'node', 'builder', 'builderEndpoint', 'bakeTarget', 'scoutImage'] as const;
export type OperandKind = (typeof OPERAND_KINDS)[number];

export const optionSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    short: z.string().regex(/^[a-zA-Z]$/).optional(),
    /** Whether a value follows (`--name web`); a flag takes none (`--rm`). */
    value: z.boolean(),
    /** Which option readers.ts reads the value of, to say what it does here. */
    reader: z.string().optional(),
    /** Accepted after each of the command's subcommands too: docker's `--help`, compose's `--dry-run`. */
    everywhere: z.boolean().default(false),
    /** Hidden from `--help` but still accepted (old spellings such as `--net`). */
    hidden: z.boolean().default(false),
    /** The CLI version that deprecated the option and stopped listing it in `--help`, though it still accepts it (`commit --pause`, 29.0). */
    hiddenSince: version.optional(),
    /** Only offered when the daemon runs on this OS. */
    os: z.enum(['windows']).optional(),
    /** Offered by a CLI plugin (buildx, compose, scout, init) rather than the docker CLI itself. */
    plugin: z.enum(['buildx', 'compose', 'scout', 'init']).optional(),
    /** The CLI version that added the option, when it is newer than 20.10. */
    since: version.optional(),
    /** The CLI version that removed it. */
    until: version.optional(),
    topics: topicIds,
    effect: text.optional(),
    /** Its effect replaces the command's: with it the command does something else (`build --check` checks and builds nothing). */
    instead: z.boolean().default(false),
    en: line,
    ko: line,
  })
  .strict()
  .refine((option) => !option.instead || option.effect, { path: ['instead'], message: 'needs the effect that replaces the command\'s' })
  // hidden means hidden in every version, so a version it became hidden in would contradict it.
  .refine((option) => !(option.hidden && option.hiddenSince), { path: ['hiddenSince'], message: 'hidden already means hidden in every version' })
  // A flag cannot leave --help before it is added or after it is removed.
  .refine((option) => !option.hiddenSince || ((!option.since || isAfter(option.hiddenSince, option.since)) && (!option.until || isAfter(option.until, option.hiddenSince))), {
    path: ['hiddenSince'],
    message: 'must come after since and before until',
  });

export const commandSchema = z
  .object({
    /** The canonical name: `run`, `network create`, `compose up`; empty for docker's own options. */
    name: z.string(),
    /** Other ways to type it: `container run`, `image ls`, `buildx build`. */
    aliases: z.array(line).default([]),
    /** Another command whose options this one shares (run shares create's). */
    inherits: z.string().optional(),
    /** Operands stop option parsing (`docker run IMAGE ls -la` hands `-la` to ls). */
    optionsFirst: z.boolean().default(false),
    operands: z.array(z.enum(OPERAND_KINDS)).default([]),
    /** The last operand may come again (`docker rm a b c`, ps's options after `docker top`'s container). */
    repeats: z.boolean().default(false),
    topics: topicIds,
    summary: text,
    effect: text.optional(),
    options: z.array(optionSchema).default([]),
  })
  .strict();

export const catalogueFileSchema = z.object({ commands: z.array(commandSchema).min(1) }).strict();

export type CatalogueOption = z.infer<typeof optionSchema>;
export type CatalogueCommand = z.infer<typeof commandSchema>;

/** The commands Gorae can explain, looked up by any of their names. */
export class Catalogue {
  private readonly byName = new Map<string, CatalogueCommand>();

  constructor(readonly commands: readonly CatalogueCommand[]) {
    for (const command of commands) for (const name of [command.name, ...command.aliases]) this.byName.set(name, command);
  }

  command(name: string): CatalogueCommand | undefined {
    return this.byName.get(name);
  }

  /** A command's options together with those it inherits and those its parent commands let every subcommand take. */
  options(command: CatalogueCommand): readonly CatalogueOption[] {
    const everywhere = parentNames(command.name).flatMap((name) => this.byName.get(name)?.options.filter((option) => option.everywhere) ?? []);
    return [...this.own(command), ...everywhere];
  }

  private own(command: CatalogueCommand): readonly CatalogueOption[] {
    const parent = command.inherits === undefined ? undefined : this.byName.get(command.inherits);
    return parent ? [...this.own(parent), ...command.options] : command.options;
  }
}

/** The names of the commands above one: "compose up" → "compose", then docker itself (""). */
function parentNames(name: string): string[] {
  if (name === '') return [];
  const words = name.split(' ');
  return words.map((_, count) => words.slice(0, count).join(' ')).reverse();
}
