import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../bot/knowledge/analyzer.js';
import { prepareLexicon } from '../../bot/knowledge/lexicon.js';
import { TermNumbers } from '../../bot/knowledge/term-numbers.js';

const lexiconData = {
  suffixes: ['이랑', '랑', '를', '가', '의', '와', '이'],
  stopwords: { en: ['what', 'is', 'the'], ko: ['뭐야', '방법'] },
  synonyms: { vs: ['차이', '차이점', 'difference'], run: ['런'], start: ['스타트'], container: ['컨테이너'], vm: ['virtual machine'], remove: ['지우'] },
  outside: ['git'],
  spellings: [],
  signal: { core: ['docker'], objects: [], commands: ['run'], general: ['port'], instructions: [] },
};
const lexicon = prepareLexicon(lexiconData);
const known = new Set(['run', 'start', 'container', 'vs', 'image', 'stop', '차', 'save', 'compose', 'docker-compose', 'root', 'user', '이미지']);
const analyzer = new Analyzer(lexicon, (term) => known.has(term));

describe('the analyzer', () => {
  it('folds a phrase to its term wherever it stands in the text', () => {
    expect(analyzer.terms('virtual machine vs container')).toEqual(['vm', 'vs', 'container']);
    expect(analyzer.terms('container vs the virtual machine')).toEqual(['container', 'vs', 'vm']);
    expect(analyzer.terms('virtual container machine')).not.toContain('vm');
  });

  it('folds compatibility forms such as full-width letters, and reads plain text unchanged', () => {
    expect(analyzer.terms('ｄｏｃｋｅｒ ｒｕｎ')).toEqual(analyzer.terms('docker run'));
    expect(analyzer.terms('RUN 컨테이너')).toEqual(['run', 'container']);
  });

  it('splits mixed scripts and drops particles that stand alone', () => {
    expect(analyzer.terms('run이랑 start 차이가 뭐야?')).toEqual(['run', 'start', 'vs']);
  });

  it('strips Korean particles down to the known word under them', () => {
    expect(analyzer.terms('컨테이너를')).toEqual(['container']);
    expect(analyzer.terms('차이')).toEqual(['vs']);
  });

  it('finds the stem under an ending folded into the last syllable', () => {
    expect(analyzer.terms('지울')).toEqual(['remove']);
  });

  it('reads a noun made a verb with 하다, 되다 or 시키다, or marked as ongoing with 중, as the noun', () => {
    const verbs = new Analyzer(prepareLexicon({ suffixes: [], stopwords: { en: [], ko: ['사용'] }, synonyms: { create: ['생성'], stop: ['중지'], run: ['실행'], restart: ['재시작'] }, outside: [], spellings: [], signal: { core: [], objects: [], commands: [], general: [], instructions: [] } }), () => false);
    expect(verbs.terms('생성되나요 중지시키는 실행중인 재시작한')).toEqual(['create', 'stop', 'run', 'restart']);
    expect(verbs.terms('사용할까요')).toEqual([]);
    expect(verbs.terms('한글 생일')).toEqual(['한글', '생일']);
  });

  it('brings the forms of a word nothing known explains to one stem of two syllables or more', () => {
    const forms = new Analyzer(prepareLexicon({ suffixes: ['려면', '는', '기', '을', '서'], stopwords: { en: [], ko: [] }, synonyms: {}, outside: [], spellings: [], signal: { core: [], objects: [], commands: [], general: [], instructions: [] } }), () => false);
    expect(forms.terms('들어가려면 들어가는 들어가기 배포판을')).toEqual(['들어가', '들어가', '들어가', '배포판']);
    expect(forms.terms('크기 순서')).toEqual(['크기', '순서']);
  });

  it('reads a Korean compound written without spaces as the fewest known words that make it up', () => {
    expect(analyzer.terms('컨테이너이미지')).toEqual(['container', '이미지']);
    expect(analyzer.terms('컨테이너스타트를')).toEqual(['container', 'start']);
    expect(analyzer.terms('컨테이너방법')).toEqual(['container']);
  });

  it('leaves a run of Hangul whole when it is a known word, or when no known words make up all of it', () => {
    expect(analyzer.terms('컨테이너를')).toEqual(['container']);
    expect(analyzer.terms('컨테이너화면')).toEqual(['컨테이너화면']);
    // 차 is known, but a part of one syllable is too often a particle or an ending.
    expect(analyzer.terms('차이미지')).toEqual(['차이미지']);
    const seeding = new Analyzer(lexicon, (term) => known.has(term), false);
    expect(seeding.terms('컨테이너이미지')).toEqual(['컨테이너이미지']);
  });

  it('reads "-기 시작하다" (began to) as the verb alone, and 시작 elsewhere as start', () => {
    const reader = new Analyzer(prepareLexicon({ ...lexiconData, synonyms: { ...lexiconData.synonyms, start: ['시작'] } }), (term) => known.has(term));
    expect(reader.terms('컨테이너 쓰기 시작했어요')).toEqual(['container', '쓰기']);
    expect(reader.terms('컨테이너 시작')).toEqual(['container', 'start']);
  });

  it('reads transliterations as the English command', () => {
    expect(analyzer.terms('런 스타트')).toEqual(['run', 'start']);
  });

  it('folds multi-word synonyms before splitting', () => {
    expect(analyzer.terms('docker vs a virtual machine')).toContain('vm');
  });

  it('stems simple English endings to known words', () => {
    expect(analyzer.terms('stopped starting saves')).toEqual(['stop', 'start', 'save']);
  });

  it('keeps command-line flags as terms', () => {
    expect(analyzer.terms('docker ps -a --format')).toEqual(['docker', 'ps', '-a', '--format']);
  });

  it('reads a hyphen inside a word as a compound of its parts, not as a flag', () => {
    expect(analyzer.terms('run as a non-root user')).toEqual(['run', 'as', 'a', 'non', 'root', 'user']);
  });

  it('keeps a compound the knowledge base names as well as its parts', () => {
    expect(analyzer.terms('docker-compose up')).toEqual(['docker', 'compose', 'docker-compose', 'up']);
    expect(analyzer.wordsAndCompounds('docker-compose and x86-64, not -it').compounds).toEqual(['docker-compose', 'x86-64']);
  });

  it('reads a compound that only spells its phrase as the phrase, and as itself beside the open phrase', () => {
    const spelling = new Analyzer(prepareLexicon({ suffixes: [], stopwords: { en: ['vs'], ko: [] }, synonyms: {}, outside: [], spellings: ['docker-compose'], signal: { core: [], objects: [], commands: [], general: [], instructions: [] } }), (term) => known.has(term));
    expect(spelling.terms('docker-compose up')).toEqual(['docker', 'compose', 'up']);
    expect(spelling.terms('docker-compose vs docker compose')).toEqual(['docker', 'compose', 'docker-compose', 'docker', 'compose']);
  });

  it('reads a flag whose dashes typesetting merged into one as the flag', () => {
    expect(analyzer.terms('what is the –memory-swap flag')).toEqual(['--memory-swap', 'flag']);
    expect(analyzer.terms('docker run —rm')).toEqual(['docker', 'run', '--rm']);
  });

  it('drops stopwords in both languages', () => {
    expect(analyzer.terms('what is the 방법')).toEqual([]);
  });

  it('reads a Dockerfile instruction that is a stopword in lower case as a word where it is written in capitals', () => {
    const quoting = new Analyzer(
      prepareLexicon({ ...lexiconData, stopwords: { ...lexiconData.stopwords, en: [...lexiconData.stopwords.en, 'from'] }, signal: { ...lexiconData.signal, instructions: ['FROM'] } }),
      (term) => known.has(term) || term === 'dockerfile_from',
    );
    expect(quoting.terms('what is FROM')).toEqual(['dockerfile_from']);
    expect(quoting.terms('run from the image')).toEqual(['run', 'image']);
  });

  it('numbers the terms it reads, each distinct word once, when given a numbering', () => {
    const numbering = new TermNumbers();
    const numbered = new Analyzer(lexicon, (term) => known.has(term), true, numbering);
    const texts = [
      'run이랑 start 차이가 뭐야?',
      'docker-compose up',
      'the container vs a virtual machine',
      'run run 컨테이너를',
      'use –rm and non-root',
      '이미지컨테이너를 지우',
      '컨테이너이미지',
      // Hyphens and dashes the words do not keep, and a 시작 that "-기 시작하다" drops.
      '컨테이너-이미지 start',
      '–1 run',
      'run- -start',
      '컨테이너 쓰기 시작했어요',
    ];
    for (const text of texts) expect(numbering.termsOf(numbered.numbers(text, []))).toEqual(analyzer.terms(text));
    expect(numbered.numbers('start run', [7])).toEqual([7, numbering.find('start'), numbering.find('run')]);
    expect(() => analyzer.numbers('run', [])).toThrow();
  });

  it('numbers terms only once what is known is settled', () => {
    expect(() => new Analyzer(lexicon, () => false, false, new TermNumbers())).toThrow();
  });

  it('keeps numbering words alike after its memo, full, starts afresh', () => {
    const numbering = new TermNumbers();
    const numbered = new Analyzer(lexicon, (term) => known.has(term), true, numbering);
    const words = Array.from({ length: 60_000 }, (_, k) => `w${k}`);
    const first = numbered.numbers(words.join(' '), []);
    expect(numbered.numbers(words.join(' '), [])).toEqual(first);
    expect(numbering.termsOf(first)).toEqual(words);
  });
});
