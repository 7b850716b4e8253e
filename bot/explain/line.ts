import type { OptionToken, Token } from './parse.js';

/** The commands that create a container from an image, and so check its options against each other first. */
export const CREATES_CONTAINER: ReadonlySet<string> = new Set(['run', 'create']);

/** The options on the line that the catalogue knows, in the order typed. */
export const knownOptions = (tokens: readonly Token[]): OptionToken[] =>
  tokens.filter((token): token is OptionToken => token.kind === 'option' && token.option !== undefined);

/** The value of an option typed on the line (the last one, as docker keeps it), if any. */
export function valueOf(tokens: readonly Token[], name: string): string | undefined {
  return knownOptions(tokens).filter((token) => token.option!.name === name).at(-1)?.value;
}

/** Whether a flag is on: typed, and not switched off with =false. */
export const isOn = (tokens: readonly Token[], name: string): boolean =>
  knownOptions(tokens).some((token) => token.option!.name === name && token.value !== 'false');

/** Whether the container shares the host's network (`--network host`, `--net=host`). */
export const onHostNetwork = (tokens: readonly Token[]): boolean => [valueOf(tokens, 'network'), valueOf(tokens, 'net')].includes('host');

/** Where a build's `--output` writes files instead of an image: the local (folder) and tar exporters, `-o ./dir` and `-o -` included. */
export interface FilesExport {
  readonly type: 'local' | 'tar';
  /** The folder or file; `-` is standard output. */
  readonly dest: string;
}

export function filesExport(value: string): FilesExport | undefined {
  if (!value.includes('=')) return { type: value === '-' ? 'tar' : 'local', dest: value };
  const fields = new Map(value.split(',').map((field) => [field.slice(0, field.indexOf('=')), field.slice(field.indexOf('=') + 1)] as const));
  const type = fields.get('type');
  if (type !== 'local' && type !== 'tar') return undefined;
  return { type, dest: fields.get('dest') ?? '-' };
}
