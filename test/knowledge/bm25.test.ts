import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Bm25 } from '../../bot/knowledge/bm25.js';
import { TermNumbers } from '../../bot/knowledge/term-numbers.js';

const boost = { title: 3, body: 0.5 } as const;
const documents = [
  { id: 'run', fields: { title: ['run', 'container'], body: ['run', 'create', 'start', 'container', 'image', 'run'] } },
  { id: 'start', fields: { title: ['start'], body: ['start', 'stop', 'container', 'start', 'start'] } },
  { id: 'image', fields: { title: ['image'], body: ['image', 'layer', 'tag', 'pull'] } },
  { id: 'empty', fields: { title: [], body: [] } },
];

/** MiniSearch over the same terms, which the search used before and still uses for completion. */
function miniSearch(terms: readonly string[]) {
  const index = new MiniSearch<{ id: string; title: string; body: string }>({
    fields: Object.keys(boost),
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
    searchOptions: { boost, combineWith: 'OR' },
  });
  index.addAll(documents.map(({ id, fields }) => ({ id, title: fields.title.join(' '), body: fields.body.join(' ') })));
  return index.search(terms.join(' ')).map((result) => ({ id: String(result.id), score: result.score }));
}

describe('the BM25 index', () => {
  it.each([[['run']], [['start', 'container']], [['container', 'container', 'image']], [['layer', 'stop', 'missing']]])(
    'ranks and scores %j exactly as MiniSearch does',
    (terms) => {
      const own = new Bm25(documents, boost).search(terms);
      const library = miniSearch(terms);
      expect(own.map((hit) => hit.id)).toEqual(library.map((hit) => hit.id));
      for (const [i, hit] of own.entries()) expect(hit.score).toBeCloseTo(library[i]!.score, 9);
    },
  );

  it('scores documents given as term numbers exactly as the same documents given as terms', () => {
    const numbering = new TermNumbers();
    const numbered = documents.map(({ id, fields }) => ({ id, fields: { title: fields.title.map((term) => numbering.number(term)), body: fields.body.map((term) => numbering.number(term)) } }));
    for (const terms of [['run'], ['start', 'container'], ['container', 'container', 'image'], ['layer', 'stop', 'missing']]) {
      expect(new Bm25(numbered, boost, numbering).search(terms)).toEqual(new Bm25(documents, boost).search(terms));
    }
  });

  it('finds nothing for terms no document holds', () => {
    expect(new Bm25(documents, boost).search(['kubernetes'])).toEqual([]);
  });

  it('lists the terms some document holds in the fields asked, in the order first seen', () => {
    const index = new Bm25(documents, boost);
    expect([...index.termsIn(['title'])]).toEqual(['run', 'container', 'start', 'image']);
    expect([...index.termsIn(['body'])]).toEqual(['run', 'container', 'create', 'start', 'image', 'stop', 'layer', 'tag', 'pull']);
  });

  it('weighs a match in a boosted field above the same match elsewhere', () => {
    const [first] = new Bm25(documents, boost).search(['start']);
    expect(first?.id).toBe('start');
  });
});
