import MiniSearch from 'minisearch';
import { Analyzer } from './analyzer.js';
import { Corrector } from './fuzzy.js';
import type { Lexicon } from './lexicon.js';
import type { Topic } from './topic.js';

/** Fields a topic is indexed under, and how much a match in each counts. */
const BOOST = { aliases: 3, title: 3, keywords: 2.5, summary: 1.2, commands: 1, answer: 0.4 } as const;
type Field = keyof typeof BOOST;
const FIELDS = Object.keys(BOOST) as Field[];

type Document = { id: string } & Record<Field, string>;

export interface Hit {
  readonly id: string;
  readonly score: number;
}

/** How a question was read: its content words, the terms they became, and how many the index knows. */
export interface Reading {
  readonly terms: readonly string[];
  readonly words: number;
  readonly matched: number;
  readonly corrected: number;
}

const toDocument = (topic: Topic): Document => ({
  id: topic.id,
  title: `${topic.en.title}\n${topic.ko.title}`,
  aliases: [...topic.en.aliases, ...topic.ko.aliases].join('\n'),
  keywords: [...topic.en.keywords, ...topic.ko.keywords].join('\n'),
  summary: `${topic.en.summary}\n${topic.ko.summary}`,
  commands: topic.commands.map((c) => c.command).join('\n'),
  answer: `${topic.en.answer}\n${topic.ko.answer}`,
});

/** A BM25+ index (MiniSearch) over every topic, both languages in one document. */
export class TopicIndex {
  private readonly index: MiniSearch<Document>;
  private readonly analyzer: Analyzer;
  private readonly corrector: Corrector;

  constructor(topics: readonly Topic[], lexicon: Lexicon) {
    const seed = new Set<string>(lexicon.canonical.values());
    const seeding = new Analyzer(lexicon, (term) => seed.has(term));
    for (const topic of topics) {
      for (const side of [topic.en, topic.ko]) {
        for (const text of [side.title, ...side.keywords]) for (const word of seeding.words(text)) seed.add(seeding.term(word) ?? word);
      }
    }
    const indexing = new Analyzer(lexicon, (term) => seed.has(term));
    this.index = new MiniSearch<Document>({
      fields: FIELDS,
      tokenize: (text) => indexing.terms(text),
      processTerm: (term) => term,
      searchOptions: { boost: BOOST, combineWith: 'OR', tokenize: (text) => text.split(' ').filter(Boolean) },
    });
    this.index.addAll(topics.map(toDocument));

    const vocabulary = new Map<string, number>();
    for (const document of topics.map(toDocument)) {
      for (const term of new Set(FIELDS.flatMap((field) => indexing.terms(document[field])))) {
        vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
      }
    }
    this.analyzer = new Analyzer(lexicon, (term) => vocabulary.has(term));
    const spellings = [...vocabulary].map(([term, weight]) => ({ surface: term, term, weight }));
    for (const [variant, term] of lexicon.canonical) {
      if (vocabulary.has(term)) spellings.push({ surface: variant, term, weight: vocabulary.get(term)! });
    }
    this.corrector = new Corrector(spellings);
  }

  /** Reads a question: known terms as they are, typos corrected to the nearest known spelling. */
  read(question: string): Reading {
    const terms: string[] = [];
    let words = 0;
    let matched = 0;
    let corrected = 0;
    for (const word of this.analyzer.words(question)) {
      const term = this.analyzer.term(word);
      if (term === null) continue;
      words++;
      if (this.analyzer.isKnown(term)) {
        terms.push(term);
        matched++;
        continue;
      }
      const fixed = this.corrector.correct(term);
      if (fixed) {
        terms.push(fixed);
        matched++;
        corrected++;
      }
    }
    return { terms, words, matched, corrected };
  }

  /** Topics matching a half-typed question: every word as typed, the last one also as a prefix. */
  complete(partial: string): Hit[] {
    const words = this.analyzer.words(partial);
    if (words.length === 0) return [];
    const terms = words.map((word, i) => (i === words.length - 1 ? word : (this.analyzer.term(word) ?? word)));
    return this.index
      .search(terms.join(' '), { prefix: (_term, i, all) => i === all.length - 1, fuzzy: (term) => (term.length > 4 ? 0.2 : false) })
      .map((result) => ({ id: String(result.id), score: result.score }));
  }

  search(terms: readonly string[]): Hit[] {
    if (terms.length === 0) return [];
    return this.index.search(terms.join(' ')).map((result) => ({ id: String(result.id), score: result.score }));
  }
}
