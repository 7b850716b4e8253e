import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fail, ok, type Result } from '../core/result.js';
import { Catalogue, catalogueFileSchema, type CatalogueCommand } from './catalogue.js';

export type CatalogueError = 'explain.load.unreadable' | 'explain.load.invalid';

/** Reads every `*.yaml` in `dir` (knowledge/commands); the first problem names its file and field. */
export async function loadCatalogue(dir: string): Promise<Result<Catalogue, CatalogueError>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  } catch (error) {
    return fail('explain.load.unreadable', { file: dir, reason: (error as Error).message });
  }
  const commands: CatalogueCommand[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let data: unknown;
    try {
      data = parse(await readFile(file, 'utf8'));
    } catch (error) {
      return fail('explain.load.invalid', { file, field: '(yaml)', reason: (error as Error).message.split('\n')[0] ?? '' });
    }
    const parsed = catalogueFileSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fail('explain.load.invalid', { file, field: issue.path.join('.') || '(root)', reason: issue.message });
    }
    commands.push(...parsed.data.commands);
  }
  return crossCheck(new Catalogue(commands), dir);
}

/** Names are unique and inherited commands exist, so a lookup never picks one of two meanings. */
function crossCheck(catalogue: Catalogue, dir: string): Result<Catalogue, CatalogueError> {
  const seen = new Set<string>();
  for (const command of catalogue.commands) {
    for (const name of [command.name, ...command.aliases]) {
      if (seen.has(name)) return fail('explain.load.invalid', { file: dir, field: name, reason: 'named twice' });
      seen.add(name);
    }
    if (command.inherits !== undefined && !catalogue.command(command.inherits)) {
      return fail('explain.load.invalid', { file: dir, field: `${command.name}.inherits`, reason: `no command "${command.inherits}"` });
    }
    const flags = new Set<string>();
    for (const option of catalogue.options(command)) {
      for (const flag of [`--${option.name}`, option.short && `-${option.short}`]) {
        if (!flag) continue;
        if (flags.has(flag)) return fail('explain.load.invalid', { file: dir, field: `${command.name}.${flag}`, reason: 'named twice' });
        flags.add(flag);
      }
    }
  }
  if (catalogue.commands.length === 0) return fail('explain.load.unreadable', { file: dir, reason: 'no command files' });
  return ok(catalogue);
}
