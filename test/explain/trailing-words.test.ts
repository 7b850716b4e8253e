import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../bot/explain/catalogue.js';
import { withoutTrailingSentence } from '../../bot/explain/trailing-words.js';
import { findCommand } from '../../bot/explain/words.js';
import { realCatalogue } from '../support/catalogue.js';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await realCatalogue();
});

const commandIn = (text: string) => withoutTrailingSentence(findCommand(text)!, catalogue);

describe('the words a sentence goes on with after a command', () => {
  it.each([
    ['is it safe to run docker system prune -a --volumes on our staging box?', 'docker system prune -a --volumes'],
    ['docker logs -f web too big how to rotate', 'docker logs -f web'],
    ['docker image prune -a on the build server', 'docker image prune -a'],
  ])('are cut from "%s" past the operands the command takes', (text, line) => {
    const found = commandIn(text);
    expect(found.line).toBe(line);
    expect(found.words.join(' ')).toBe(line);
    expect(found.asked).toBe(true);
  });

  it.each([
    'docker run --rm alpine echo on our box',
    'docker rm -f web db cache',
    'docker logs -f web',
    'docker system prune -a --volumes',
    'docker logs web api --tail 5',
  ])('stay in "%s": the command takes them, or they read as no sentence', (text) => {
    const found = findCommand(text)!;
    expect(commandIn(text)).toEqual(found);
  });
});
