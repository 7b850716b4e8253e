import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../bot/knowledge/analyzer.js';
import { prepareLexicon } from '../../bot/knowledge/lexicon.js';
import { QuestionKinds } from '../../bot/knowledge/question-kinds.js';
import { readTopic } from '../../bot/knowledge/read-topic.js';
import { TermNumbers } from '../../bot/knowledge/term-numbers.js';
import type { Topic } from '../../bot/knowledge/topic.js';

const lexicon = prepareLexicon({
  suffixes: ['를'],
  stopwords: { en: ['the', 'a', 'how'], ko: [] },
  synonyms: { container: ['컨테이너'], remove: ['delete'] },
  outside: [],
  spellings: [],
  signal: { core: [], objects: [], commands: [], general: [], instructions: [] },
});
const topic = {
  id: 'rm',
  source: ['docker-docs'],
  related: [],
  commands: [{ command: 'docker rm', description: 'remove' }],
  errors: [],
  aftermath: [],
  en: { title: 'Remove a container', summary: 'Delete the container', answer: 'Run docker rm.', aliases: ['how to delete a container', 'remove container'], keywords: ['rm'] },
  ko: { title: '컨테이너 삭제', summary: '삭제', answer: 'docker rm', aliases: ['컨테이너를 지우기'], keywords: [] },
} as unknown as Topic;

describe('reading a topic', () => {
  const numbering = new TermNumbers();
  const analyzer = new Analyzer(lexicon, () => false, true, numbering);
  const read = readTopic(topic, analyzer, numbering);
  const terms = (numbers: ArrayLike<number>) => numbering.termsOf(numbers);

  it('reads each field and example question as the numbers of the terms the analyzer reads', () => {
    const words = new Analyzer(lexicon, () => false);
    expect(read.examples.map(terms)).toEqual(['how to delete a container', 'remove container', '컨테이너를 지우기'].map((alias) => words.terms(alias)));
    expect(terms(read.fields.aliases)).toEqual(read.examples.flatMap(terms));
    expect(terms(read.fields.title)).toEqual(['remove', 'container', 'container', '삭제']);
    expect(terms(read.fields.commands)).toEqual(['docker', 'rm']);
    expect(terms(read.fields.answer)).toEqual(['run', 'docker', 'rm', 'docker', 'rm']);
  });

  it('reads each example question\'s kinds with it, into no field', () => {
    const kinded = new TermNumbers();
    const asked = readTopic(topic, new Analyzer(lexicon, () => false, true, kinded), kinded, new QuestionKinds(new Map([['how', ['how']]])));
    expect(asked.examples.map((numbers) => kinded.termsOf(numbers))).toEqual([[...terms(read.examples[0]!), '?how'], terms(read.examples[1]!), terms(read.examples[2]!)]);
    expect(kinded.termsOf(asked.fields.aliases)).not.toContain('?how');
  });

  it('indexes only the first paragraph of each answer, where it says what the topic is about', () => {
    const detailed = { ...topic, en: { ...topic.en, answer: 'Run docker rm.\n\nUse --force for a running one.' }, ko: { ...topic.ko, answer: 'docker rm\n\n실행 중이면 --force' } } as Topic;
    const own = new TermNumbers();
    const lead = readTopic(detailed, new Analyzer(lexicon, () => false, true, own), own);
    expect(own.termsOf(lead.fields.answer)).toEqual(['run', 'docker', 'rm', 'docker', 'rm']);
  });

  it('declares the terms of its titles and keywords', () => {
    expect(read.declared.title).toEqual(new Set(['remove', 'container', '삭제']));
    expect(read.declared.declared).toEqual(new Set(['remove', 'container', '삭제', 'rm']));
  });
});
