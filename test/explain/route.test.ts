import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../bot/explain/catalogue.js';
import { holdsCommand } from '../../bot/explain/route.js';
import { realCatalogue } from '../support/catalogue.js';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await realCatalogue();
});

describe('telling a pasted command from a question about one', () => {
  it.each([
    'docker run -d -p 8080:80 nginx 이게 무슨 뜻이야?',
    'what does docker run --rm -it alpine sh do?',
    '$ docker pull nginx:1.25',
    'docker run alpine ls',
    '```\ndocker compose up -d\n```',
    'sudo docker logs web',
    'docker build .',
    'docker rm web db cache',
  ])('explains %s', (text) => {
    expect(holdsCommand(text, catalogue)).toBe(true);
  });

  it.each([
    'docker run vs docker start',
    'docker run vs start',
    'what does docker run do?',
    'docker ps 컬럼이 뭐야',
    'how to use docker',
    'docker inspect -f {{.State}} web',
    'docker ps not showing my container',
    'docker logs too big how to rotate',
    'docker build takes forever',
    "docker run hello-world doesn't work",
    'docker compose up fails',
    'docker pull nginx not working',
  ])('leaves %s to the knowledge base', (text) => {
    expect(holdsCommand(text, catalogue)).toBe(false);
  });
});
