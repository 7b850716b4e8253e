import { readsAsSentence } from '../core/sentence-words.js';
import type { Catalogue, CatalogueCommand } from './catalogue.js';
import { parseCommand } from './parse.js';
import type { CommandText } from './words.js';

/**
 * How many operands a command takes: more than that and the words after it are a sentence about it
 * (`docker ps not showing my container`, `docker logs too big how to rotate`). A command whose last
 * operand repeats, or that hands the rest to the container's program (run, exec), takes any number.
 */
export function mostOperands(command: CatalogueCommand): number {
  return command.repeats || command.optionsFirst ? Infinity : command.operands.length;
}

/**
 * "is it safe to run docker system prune -a --volumes on our staging box?": past the operands the
 * command takes, words that read as a sentence are the person's, not the command's. The command is
 * what comes before them; nothing changes when the options go on after them.
 */
export function withoutTrailingSentence(found: CommandText, catalogue: Catalogue): CommandText {
  const parsed = parseCommand(found.words, catalogue);
  if (!parsed.command) return found;
  const tokens = parsed.tokens;
  const operands = tokens.filter((token) => token.kind === 'operand');
  const extra = operands.slice(mostOperands(parsed.command));
  if (extra.length === 0 || tokens.at(-1) !== extra.at(-1) || tokens.slice(tokens.indexOf(extra[0]!)).some((token) => token.kind !== 'operand')) return found;
  const said = extra.map((token) => token.typed);
  if (!readsAsSentence(said)) return found;
  const at = found.line.lastIndexOf(said.join(' '));
  if (at <= 0) return found;
  return { ...found, line: found.line.slice(0, at).trim(), words: found.words.slice(0, found.words.length - said.length), asked: true };
}
