import { describe, expect, it } from 'vitest';
import { prepareLexicon } from '../../bot/knowledge/lexicon.js';
import type { Topic } from '../../bot/knowledge/topic.js';
import { seedVocabulary } from '../../bot/knowledge/vocabulary.js';

const lexicon = prepareLexicon({
  suffixes: ['를', '은'],
  stopwords: { en: ['the', 'a'], ko: [] },
  synonyms: { container: ['컨테이너'], remove: ['delete'] },
  outside: [],
  spellings: [],
  signal: { core: [], commands: [], general: [], instructions: [] },
});
const side = (title: string, keywords: string[]) => ({ title, summary: 's', answer: 'a', aliases: [title], keywords });
const topic = (en: Topic['en'], ko: Topic['ko']) => ({ id: 't', source: ['docker-docs'], related: [], commands: [], en, ko }) as unknown as Topic;

describe('seeding the vocabulary', () => {
  it('knows the lexicon’s terms and what every title and keyword reads as', () => {
    const seed = seedVocabulary([topic(side('Delete the stopped containers', ['prune']), side('멈춘 컨테이너를 지우기', ['정리']))], lexicon);
    expect([...seed]).toEqual(expect.arrayContaining(['container', 'remove', 'stopped', 'prune', '멈춘', '지우기', '정리']));
    expect(seed.has('the')).toBe(false);
  });

  it('keeps a hyphenated compound as written beside its parts', () => {
    const seed = seedVocabulary([topic(side('docker-compose v1', []), side('docker-compose v1', []))], lexicon);
    expect([...seed]).toEqual(expect.arrayContaining(['docker-compose', 'docker', 'compose']));
  });
});
