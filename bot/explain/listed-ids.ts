/**
 * What a listing substituted in for the arguments prints: `$(docker ps -aq)` is the ID of every
 * container on the machine, which matters most to the command it feeds (`docker rm -f`).
 */
export type Listed = 'allContainers' | 'runningContainers' | 'allImages' | 'images';

/** The listing commands, as typed after `docker`, and what each lists. */
const LISTINGS: ReadonlyArray<readonly [readonly string[], 'containers' | 'images']> = [
  [['ps'], 'containers'],
  [['container', 'ls'], 'containers'],
  [['container', 'list'], 'containers'],
  [['container', 'ps'], 'containers'],
  [['images'], 'images'],
  [['image', 'ls'], 'images'],
  [['image', 'list'], 'images'],
];

/**
 * What `inner` (the command inside `$( )`) lists, when it prints IDs alone (-q) and nothing narrows
 * them: a filter, a name or a format makes it some of them, which only running it tells.
 */
export function listedIds(inner: string): Listed | undefined {
  // `sudo docker ps -aq` lists the same containers.
  const [docker, ...words] = inner.trim().replace(/^sudo\s+/, '').split(/\s+/);
  if (docker !== 'docker') return undefined;
  const listing = LISTINGS.find(([command]) => command.every((word, k) => words[k] === word));
  if (!listing) return undefined;
  const [command, kind] = listing;
  const flags = new Set<string>();
  for (const word of words.slice(command.length)) {
    if (word === '--all') flags.add('a');
    else if (word === '--quiet') flags.add('q');
    else if (/^-[aq]+$/.test(word)) for (const letter of word.slice(1)) flags.add(letter);
    else return undefined;
  }
  if (!flags.has('q')) return undefined;
  if (kind === 'containers') return flags.has('a') ? 'allContainers' : 'runningContainers';
  return flags.has('a') ? 'allImages' : 'images';
}
