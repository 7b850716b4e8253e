import { join } from 'node:path';
import { fail, ok, type Result } from '../core/result.js';
import { readYamlFolder } from '../core/yaml-files.js';
import { Catalogue, catalogueFileSchema, type CatalogueCommand } from './catalogue.js';

export type CatalogueError = 'explain.load.unreadable' | 'explain.load.invalid';

/** Reads every `*.yaml` in `dir` (knowledge/commands); the first problem names its file and field. */
export async function loadCatalogue(dir: string): Promise<Result<Catalogue, CatalogueError>> {
  const files = await readYamlFolder(dir, catalogueFileSchema, { unreadable: 'explain.load.unreadable', invalid: 'explain.load.invalid' });
  if (!files.ok) return files;
  const commands: CatalogueCommand[] = files.value.flatMap(({ value }) => value.commands);
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
