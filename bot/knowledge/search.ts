import MiniSearch from 'minisearch';
import { Analyzer } from './analyzer.js';
import { Bm25 } from './bm25.js';
import { TopicClassifier, type Reranking, type TopicModel } from './classifier.js';
import { ExampleIndex } from './examples.js';
import { Corrector, isSureTypo, sameStem } from './fuzzy.js';
import { namesTaggedImage } from './image-reference.js';
import { quotesInstruction } from './instructions.js';
import { QuestionKinds, STATED_KINDS } from './question-kinds.js';
import { questionWords } from './question-words.js';
import { exampleQuestions, readTopic, type Field, type ReadTopic } from './read-topic.js';
import { TermNumbers } from './term-numbers.js';
import { coreCounts, declaredTerms, kindCounts, seedVocabulary, typoSpellings } from './vocabulary.js';
import type { Declared } from './confidence.js';
import type { Lexicon } from './lexicon.js';
import type { Hit, Reading } from './reading.js';
import type { Topic } from './topic.js';

/** Fields a topic is indexed under, and how much a match in each counts. */
const BOOST: Readonly<Record<Field, number>> = { aliases: 3, title: 3, keywords: 2.5, summary: 1.2, commands: 1, answer: 0.4 };
/**
 * How the ranking weighs what it finds. `npx tsx test/knowledge/fit-ranking.ts` searches these on the
 * development set for the right topic first; its best so far (2026-12-04) put it first more often but,
 * once confidence was refitted, answered fewer questions right, so these stay.
 */
export interface Ranking {
  readonly boost: Readonly<Record<Field, number>>;
  /** How much a close example question can raise a topic's score. */
  readonly exampleWeight: number;
  /**
   * How far the trained topic model reorders the leading hits. Chosen by cross-validation on the
   * development set (`npm run retrain` prints it): 0.3 put the right topic first more often than
   * 0.1, 0.5 or 1. The ten best hits by words hold the right topic for 90 % of the real development
   * questions (twenty hold it for 93 %).
   */
  readonly reranking: Reranking;
}
export const RANKING: Ranking = { boost: BOOST, exampleWeight: 2, reranking: { candidates: 10, weight: 0.3 } };
const FIELDS = Object.keys(BOOST) as Field[];
/** The fields that say what a topic is about; summary and answer words only hint at it. */
const CORE: readonly Field[] = ['aliases', 'title', 'keywords', 'commands'];

type Document = { id: string } & Record<Field, string>;

const NOTHING_DECLARED: Declared = { title: new Set(), declared: new Set() };

const DOCKER = 'docker';

/** A word that many topics use is a real word, never some example's typo. */
const COMMON_TOPICS = 5;

/** A topic's fields as their terms. */
interface FieldTerms {
  readonly id: string;
  readonly fields: Readonly<Record<Field, readonly string[]>>;
}

/** MiniSearch indexes text: a field's terms travel as one space-separated string and split back. */
const toDocument = ({ id, fields }: FieldTerms): Document => ({ id, ...(Object.fromEntries(FIELDS.map((field) => [field, fields[field].join(' ')])) as Record<Field, string>) });

/** A BM25+ index over every topic, both languages in one document. */
export class TopicIndex {
  private readonly index: Bm25<Field>;
  /** What `complete` searches by prefix and typo: built on its first use, as only Discord's autocomplete asks. */
  private completion: MiniSearch<Document> | undefined;
  private readonly topics: readonly ReadTopic[];
  private readonly numbering = new TermNumbers();
  /** The topics' fields as terms, not numbers: made on first use, as only completion and the bench ask. */
  private fieldStrings: readonly FieldTerms[] | undefined;
  private readonly byId: ReadonlyMap<string, ReadTopic>;
  private readonly analyzer: Analyzer;
  private readonly corrector: Corrector;
  private readonly examples: ExampleIndex;
  private readonly core: ReadonlyMap<string, number>;
  private readonly general: ReadonlySet<string>;
  /** Terms a topic declares itself about (title, keywords): unlike words of example questions, they carry a Docker signal. */
  private readonly declared: ReadonlySet<string>;
  private readonly outside: ReadonlySet<string>;
  private readonly servers: ReadonlySet<string>;
  private readonly signal: Lexicon['signal'];
  /** "vs" and its synonyms ask for a comparison; they say nothing about what is compared. */
  private readonly comparing: ReadonlySet<string>;
  /** Misspelt neighbours ("ngnix", "kuberntes") are still neighbours. */
  private readonly outsideSpelling: Corrector;
  /** Misspelt Docker words ("dokcer") still say Docker, even when an example question carries the typo. */
  private readonly coreSpelling: Corrector;
  private readonly classifier: TopicClassifier | undefined;
  private readonly kinds: QuestionKinds;
  private readonly realWord: Lexicon['realWord'];

  constructor(
    topics: readonly Topic[],
    lexicon: Lexicon,
    /** Without a model, hits are ranked by their words alone. */
    model?: TopicModel,
    private readonly ranking: Ranking = RANKING,
  ) {
    this.classifier = model && new TopicClassifier(model, ranking.reranking);
    const seed = seedVocabulary(topics, lexicon);
    const indexing = new Analyzer(lexicon, (term) => seed.has(term), true, this.numbering);
    this.kinds = new QuestionKinds(lexicon.kinds);
    const read = topics.map((topic) => readTopic(topic, indexing, this.numbering, this.kinds));
    this.index = new Bm25(read, ranking.boost, this.numbering);
    this.topics = read;
    this.byId = new Map(read.map((topic) => [topic.id, topic]));

    const core = coreCounts(read, CORE, this.numbering);
    const declared = declaredTerms(read);
    // The postings already know each term once, so the general words are taken from them, not read again.
    const general = this.index.termsIn(['summary', 'answer']);
    this.core = core;
    this.general = general;
    this.declared = declared;
    const topicCount = Math.max(1, topics.length);
    const askedKinds = kindCounts(read, this.kinds.terms, this.numbering);
    this.examples = new ExampleIndex(
      exampleQuestions(read),
      this.numbering,
      (term) => Math.log(1 + topicCount / (core.get(term) ?? askedKinds.get(term) ?? 1)),
      DOCKER,
      this.kinds.terms,
      STATED_KINDS,
    );
    this.outside = new Set(lexicon.outside);
    this.servers = lexicon.servers;
    this.signal = lexicon.signal;
    this.realWord = lexicon.realWord;
    this.coreSpelling = new Corrector([...lexicon.signal.core].map((surface) => ({ surface, term: surface, weight: 1 })));
    this.comparing = new Set(lexicon.canonical.get('versus') ? [lexicon.canonical.get('versus')!] : []);
    this.outsideSpelling = new Corrector(lexicon.outside.map((surface) => ({ surface, term: surface, weight: 1 })));
    this.analyzer = new Analyzer(lexicon, (term) => this.inBase(term));
    this.corrector = new Corrector(typoSpellings(core, lexicon));
  }

  /**
   * Reads a question. Each content word counts toward `coverage` by how surely it belongs to the
   * knowledge base: a topic's own words fully, a typo of one mostly, a word only seen in summaries and answers half.
   */
  read(question: string): Reading {
    const terms: string[] = [];
    let words = 0;
    let weight = 0;
    // Words that are a topic's own or a slip of one: the question is whole when every word is.
    let topicWords = 0;
    let outside = false;
    // Beside an outside word an object word may mean something else ("python image", "save image to
    // postgres"), but not right after a server's name ("postgres volume"), unless another is named too.
    let otherSense = false;
    let served = 0;
    let afterServer = false;
    const signal = { core: 0, objects: 0, topical: 0, commands: 0, compared: 0 };
    for (const word of questionWords(question, this.analyzer, (term) => this.inBase(term))) {
      const term = this.analyzer.term(word);
      if (term === null) {
        // A particle between them ("mysql에 이미지": an image into mysql) parts a server's name from the object.
        afterServer = false;
        continue;
      }
      const inBase = this.inBase(term);
      // A number no topic mentions (100자, 3.14) is not a word about anything: it neither
      // helps nor counts against the question.
      if (!inBase && /^\d/u.test(term)) continue;
      words++;
      const outsider = this.outside.has(term) ? term : inBase ? undefined : this.outsideSpelling.correct(term);
      const server = outsider !== undefined && this.servers.has(outsider);
      if (outsider !== undefined) outside = true;
      if (outsider !== undefined && !server) otherSense = true;
      // A misspelt word whose ending the analyzer cut off ("컨테이나" → 컨테 + 이나) is corrected as written.
      // A real word one slip from a known one (반환 and 변환) is not a slip: it means what it says,
      // unless the known one is only another form of it (receive and receives).
      const near = inBase ? undefined : (this.corrector.correct(term) ?? (term === word ? undefined : this.corrector.correct(word)));
      const fixed = near !== undefined && this.maySlipTo(word, near) ? near : undefined;
      const known = fixed ?? term;
      // A word written with "docker" in it (dockerd, docker.sock) names Docker, whatever term it reads as.
      if (this.signal.core.has(known) || word.startsWith(DOCKER) || (known.startsWith('-') && this.core.has(known)) || this.coreSpelling.correct(term)) signal.core++;
      else if (this.signal.objects.has(known)) {
        signal.objects++;
        if (afterServer) served++;
      } else if (this.signal.commands.has(known)) signal.commands++;
      // A neighbour's name says no Docker, though a topic may declare it (git, for builds from a repository).
      else if (outsider === undefined && this.declared.has(known) && !this.signal.general.has(known) && !this.comparing.has(known)) signal.topical++;
      if (this.comparing.has(known)) signal.compared++;
      if (this.core.has(term)) {
        // A word only one example question uses may be that example's typo ("imgae"): read it as
        // the common word it is close to, as well as itself, unless it is a real word of the language
        // ("terminate" is no slip of "terminal"). A longer English word one slip from
        // the common one is surely the typo, and read only as the word meant, so that the one
        // example carrying the same slip does not pull its topic ahead.
        const common = this.core.get(term)! === 1 && !this.general.has(term) ? this.corrector.correct(term, term) : undefined;
        const typo = common !== undefined && (this.core.get(common) ?? 0) >= COMMON_TOPICS && this.maySlipTo(word, common);
        if (typo) terms.push(common);
        if (!typo || !isSureTypo(term, common)) terms.push(term);
        weight += 1;
        topicWords++;
      } else if (this.general.has(term)) {
        terms.push(term);
        weight += 0.5;
      } else if (fixed) {
        terms.push(fixed);
        weight += 0.75;
        topicWords++;
      }
      afterServer = server;
    }
    // "exec vs", "exec 차이": a comparison asks about the commands it names, as the commands alone do.
    const subjects = words - signal.compared;
    const commanding = signal.commands > 0 && signal.commands * 2 >= subjects && (signal.commands >= 2 || signal.commands === subjects);
    const strength =
      signal.core > 0 || quotesInstruction(question, this.signal.instructions) || namesTaggedImage(question) || (!outside && signal.objects > 0) || (!otherSense && served > 0)
        ? 'core'
        : !outside && (signal.topical > 0 || commanding)
          ? 'topical'
          : 'none';
    const docker = signal.core + signal.objects + signal.topical + (commanding ? signal.commands : 0);
    const kinds = this.kinds.of(question);
    return { terms, words, coverage: words === 0 ? 0 : weight / words, whole: words > 0 && topicWords === words, outside, signal: words > 0 ? strength : 'none', dockerShare: words === 0 ? 0 : docker / words, kinds };
  }

  /**
   * Whether `word` may be a slip for the known word `near`: not when it is a real word of its own
   * language, unless `near` is only another form of it (timestamp and timestamps).
   */
  private maySlipTo(word: string, near: string): boolean {
    return sameStem(word, near) || !this.realWord(word);
  }

  /** Whether a topic holds the term: in a field that names what it is about, or in its summary or answer. */
  private inBase(term: string): boolean {
    return this.core.has(term) || this.general.has(term);
  }

  /** Topics matching a half-typed question: every word as typed, the last one also as a prefix. */
  complete(partial: string): Hit[] {
    const words = this.analyzer.words(partial);
    if (words.length === 0) return [];
    const terms = words.map((word, i) => (i === words.length - 1 ? word : (this.analyzer.term(word) ?? word)));
    return this.completing()
      .search(terms.join(' '), { prefix: (_term, i, all) => i === all.length - 1, fuzzy: (term) => (term.length > 4 ? 0.2 : false) })
      .map((result) => ({ id: String(result.id), score: result.score, example: 0 }));
  }

  /** Every topic's fields, as the terms they were indexed under. */
  *fieldTerms(): Iterable<FieldTerms> {
    yield* (this.fieldStrings ??= this.topics.map(({ id, fields }) => ({
      id,
      fields: Object.fromEntries(FIELDS.map((field) => [field, this.numbering.termsOf(fields[field])])) as Record<Field, string[]>,
    })));
  }

  /** The terms a topic declares itself about (none for an id the index lacks). */
  declaredBy(id: string): Declared {
    return this.byId.get(id)?.declared ?? NOTHING_DECLARED;
  }

  /** How often the topic was right when it came first, as the topic model measured it (none without one). */
  reliabilityOf(id: string): number | undefined {
    return this.classifier?.reliability(id);
  }

  /** What a text asks for beside its subject (question-kinds.ts), as kind terms ("?how"). */
  kindsOf(text: string): string[] {
    return this.kinds.of(text);
  }

  /** The one topic with an example question of exactly these terms and kinds (order and repeats aside), if only one has. */
  exampleOwner(terms: readonly string[], kinds: readonly string[] = []): string | undefined {
    return this.examples.owner([...terms, ...kinds]);
  }

  private completing(): MiniSearch<Document> {
    if (this.completion) return this.completion;
    this.completion = new MiniSearch<Document>({
      fields: FIELDS,
      tokenize: (text) => text.split(' ').filter(Boolean),
      processTerm: (term) => term,
      searchOptions: { boost: BOOST, combineWith: 'OR' },
    });
    this.completion.addAll([...this.fieldTerms()].map(toDocument));
    return this.completion;
  }

  /**
   * BM25 over the whole topic, raised by how closely the question follows one of the topic's
   * examples, and the leading hits reordered by the topic model when there is one. The question's
   * kinds count with the examples and the model, not with BM25: they name no subject.
   */
  search(terms: readonly string[], kinds: readonly string[] = []): Hit[] {
    if (terms.length === 0) return [];
    const asked = kinds.length === 0 ? terms : [...terms, ...kinds];
    const similar = this.examples.similarity(asked);
    const hits = this.index
      .search(terms)
      .map((result) => {
        const example = similar.get(String(result.id)) ?? 0;
        return { id: String(result.id), score: result.score * (1 + this.ranking.exampleWeight * example ** 2), example };
      })
      .sort((a, b) => b.score - a.score);
    return this.classifier ? this.classifier.rerank(asked, hits) : hits;
  }
}
