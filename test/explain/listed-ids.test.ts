import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../bot/explain/catalogue.js';
import { listedIds } from '../../bot/explain/listed-ids.js';
import { realCatalogue } from '../support/catalogue.js';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await realCatalogue();
});

describe('what a listing substituted in for the arguments prints', () => {
  it.each([
    ['docker ps -aq', 'allContainers'],
    ['docker ps -qa', 'allContainers'],
    ['docker ps -a -q', 'allContainers'],
    ['docker container ls --all --quiet', 'allContainers'],
    ['docker ps -q', 'runningContainers'],
    ['docker container list -q', 'runningContainers'],
    ['docker images -q', 'images'],
    ['docker image ls -aq', 'allImages'],
  ] as const)('reads %s as %s', (inner, listed) => {
    expect(listedIds(inner, catalogue)).toBe(listed);
  });

  it.each(['docker ps -a', 'docker ps -aq -f status=exited', 'docker images -q nginx', 'docker volume ls -q', 'podman ps -aq', 'docker ps --format {{.ID}}'])(
    'says nothing of %s: it prints no bare IDs, or only some that running it tells',
    (inner) => {
      expect(listedIds(inner, catalogue)).toBeUndefined();
    },
  );
});
