import { describe, expect, it } from 'vitest';
import { prepareLexicon } from '../../bot/knowledge/lexicon.js';
import type { Topic } from '../../bot/knowledge/topic.js';
import { TermNumbers } from '../../bot/knowledge/term-numbers.js';
import { coreCounts, declaredTerms, seedVocabulary, typoSpellings } from '../../bot/knowledge/vocabulary.js';

const lexicon = prepareLexicon({
  suffixes: ['를', '은'],
  stopwords: { en: ['the', 'a'], ko: [] },
  synonyms: { container: ['컨테이너'], remove: ['delete'] },
  outside: [],
  spellings: [],
  signal: { core: [], objects: [], commands: [], general: [], instructions: [] },
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

describe('what the index counts of its topics', () => {
  const read = [
    { fields: { title: ['run', 'start'], answer: ['run', 'image'] }, declared: { title: new Set(['run']), declared: new Set(['run', 'start']) } },
    { fields: { title: ['run', 'run'], answer: ['stop'] }, declared: { title: new Set(['run']), declared: new Set(['run', 'kill']) } },
  ];

  it('counts each topic once per term, in the fields that name what it is about only, in the order first met', () => {
    const numbering = new TermNumbers();
    const numbered = read.map(({ fields }) => ({ fields: { title: fields.title.map((term) => numbering.number(term)), answer: fields.answer.map((term) => numbering.number(term)) } }));
    expect([...coreCounts(numbered, ['title'], numbering)]).toEqual([['run', 2], ['start', 1]]);
  });

  it('gathers every term a topic declares', () => {
    expect(declaredTerms(read)).toEqual(new Set(['run', 'start', 'kill']));
  });

  it('offers a lexicon variant as a spelling of its term only when a topic uses the term', () => {
    const spellings = typoSpellings(new Map([['container', 3]]), lexicon);
    expect(spellings).toEqual([
      { surface: 'container', term: 'container', weight: 3 },
      { surface: '컨테이너', term: 'container', weight: 3 },
    ]);
  });
});
