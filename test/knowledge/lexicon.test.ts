import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../bot/core/paths.js';
import { Analyzer } from '../../bot/knowledge/analyzer.js';
import { loadLexicon, lexiconFile, type Lexicon, type LexiconData } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';

const dir = join(packageRoot(import.meta.url), 'knowledge');
let data: LexiconData;
let lexicon: Lexicon;
/** Every term the topics are written in, read the way questions are read. */
let vocabulary: Set<string>;

beforeAll(async () => {
  data = parse(await readFile(lexiconFile(dir), 'utf8')) as LexiconData;
  const loaded = await loadLexicon(lexiconFile(dir));
  const topics = await loadTopics(dir);
  if (!loaded.ok || !topics.ok) throw new Error('the knowledge base did not load');
  lexicon = loaded.value;
  const analyzer = new Analyzer(lexicon, () => true);
  vocabulary = new Set(
    topics.value.flatMap((topic) =>
      [topic.en, topic.ko].flatMap((side) => analyzer.terms([side.title, side.summary, side.answer, ...side.aliases, ...side.keywords].join('\n'))),
    ),
  );
});

describe('the analyzer lexicon', () => {
  it('maps every synonym to a term some topic is written in', () => {
    const unused = Object.keys(data.synonyms).filter((term) => !vocabulary.has(term));
    expect(unused).toEqual([]);
  });

  it('names only outside words as servers', () => {
    const outside = new Set(lexicon.outside);
    for (const server of lexicon.servers) expect(outside.has(server), server).toBe(true);
    expect(lexicon.servers.size).toBeGreaterThan(0);
  });

  it('gives every spelling one meaning: no variant maps to two terms', () => {
    const owners = new Map<string, string[]>();
    for (const [term, variants] of Object.entries(data.synonyms)) {
      for (const variant of variants) owners.set(variant.toLowerCase(), [...(owners.get(variant.toLowerCase()) ?? []), term]);
    }
    expect([...owners].filter(([, terms]) => terms.length > 1)).toEqual([]);
  });

  it('lists each word once: no stopword twice, and no synonym list naming its own term or a variant twice', () => {
    const repeated = (words: readonly string[]) => words.filter((word, at) => words.indexOf(word) !== at);
    expect(repeated([...data.stopwords.en, ...data.stopwords.ko])).toEqual([]);
    for (const [term, variants] of Object.entries(data.synonyms)) {
      expect(variants, term).not.toContain(term);
      expect(repeated(variants), term).toEqual([]);
    }
  });

  it('reads 재시작 and its inflections as restart, never as start', () => {
    const analyzer = new Analyzer(lexicon, (term) => vocabulary.has(term));
    expect(analyzer.terms('재시작은 어떻게 해?')).toEqual(['restart']);
    expect(analyzer.terms('재시작')).toEqual(['restart']);
  });

  it('reads 열다, 풀다, 대기 and 지원 as open, extract, wait and support, not as 열 (a column), 풀 (pull), 대 (versus) and 지우다 (remove) that look like them', () => {
    const analyzer = new Analyzer(lexicon, (term) => vocabulary.has(term));
    expect(analyzer.terms('포트 열기')).toEqual(['port', 'open']);
    expect(analyzer.terms('압축 풀면')).toContain('extract');
    expect(analyzer.terms('ps 열 의미')).toEqual(['ps', 'column']);
    expect(analyzer.terms('이미지 풀 받기')).toContain('pull');
    expect(analyzer.terms('설명한 대로')).not.toContain('vs');
    expect(analyzer.terms('대기 상태')).toEqual(['wait', 'state']);
    expect(analyzer.terms('arm64 지원')).toEqual(['arm64', 'support']);
  });

  it('reads the Sino-Korean 기동 and 구동 as start and run, not as typos of 이동 (move) and 구독 one letter away', () => {
    const analyzer = new Analyzer(lexicon, (term) => vocabulary.has(term));
    expect(analyzer.terms('컨테이너 기동')).toEqual(['container', 'start']);
    expect(analyzer.terms('앱 구동')).toEqual(['app', 'run']);
  });

  it('reads 바꾸다 and 변경 as change, and the transliteration 디펜던시 as depend', () => {
    const analyzer = new Analyzer(lexicon, (term) => vocabulary.has(term));
    expect(analyzer.terms('포트 바꾸기')).toEqual(['port', 'change']);
    expect(analyzer.terms('태그 변경')).toEqual(['tag', 'change']);
    expect(analyzer.terms('디펜던시')).toEqual(['depend']);
  });

  it('names only terms the topics use among the words that signal a Docker question', () => {
    const { core, objects, commands, general } = data.signal;
    expect([...core, ...objects, ...commands, ...general].filter((term) => !vocabulary.has(term))).toEqual([]);
  });
});
