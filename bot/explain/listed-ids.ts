import type { Catalogue } from './catalogue.js';
import { isOn } from './line.js';
import { parseCommand } from './parse.js';

/**
 * What a listing substituted in for the arguments prints: `$(docker ps -aq)` is the ID of every
 * container on the machine, which matters most to the command it feeds (`docker rm -f`).
 */
export type Listed = 'allContainers' | 'runningContainers' | 'allImages' | 'images';

/**
 * What `inner` (the command inside `$( )`) lists, read as the catalogue reads any docker command
 * (`docker container ls --all --quiet` is ps -aq), when it prints IDs alone (-q) and nothing narrows
 * them: a filter, a name or a format makes it some of them, which only running it tells.
 */
export function listedIds(inner: string, catalogue: Catalogue): Listed | undefined {
  // `sudo docker ps -aq` lists the same containers.
  const words = inner.trim().replace(/^sudo\s+/u, '').split(/\s+/u);
  if (words[0] !== 'docker') return undefined;
  const { command, tokens } = parseCommand(words, catalogue);
  if (command?.name !== 'ps' && command?.name !== 'images') return undefined;
  const plain = tokens.every((token) => token.kind === 'subcommand' || (token.kind === 'option' && (token.option?.name === 'all' || token.option?.name === 'quiet')));
  if (!plain || !isOn(tokens, 'quiet')) return undefined;
  if (command.name === 'ps') return isOn(tokens, 'all') ? 'allContainers' : 'runningContainers';
  return isOn(tokens, 'all') ? 'allImages' : 'images';
}
