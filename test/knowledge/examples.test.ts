import { describe, expect, it } from 'vitest';
import { ExampleIndex } from '../../bot/knowledge/examples.js';
import { TermNumbers } from '../../bot/knowledge/term-numbers.js';

const numbering = new TermNumbers();
const examples = new ExampleIndex(
  [
    { topic: 'run', terms: ['run', 'container'] },
    { topic: 'run', terms: ['container', 'run', 'run'] },
    { topic: 'start', terms: ['start', 'container'] },
    { topic: 'stop', terms: ['stop', 'container'] },
    { topic: 'kill', terms: ['stop', 'container'] },
    { topic: 'empty', terms: [] },
  ].map(({ topic, terms }) => ({ topic, terms: terms.map((term) => numbering.number(term)) })),
  numbering,
  () => 1,
);

describe('the topic owning an example question', () => {
  it('is the topic with an example of exactly the same terms, in any order and number', () => {
    expect(examples.owner(['container', 'run'])).toBe('run');
    expect(examples.owner(['start', 'container', 'start'])).toBe('start');
  });

  it('is none for a part of an example, more than an example, or nothing at all', () => {
    expect(examples.owner(['container'])).toBeUndefined();
    expect(examples.owner(['run', 'container', 'image'])).toBeUndefined();
    expect(examples.owner([])).toBeUndefined();
  });

  it('is none when examples of two topics have the same terms', () => {
    expect(examples.owner(['stop', 'container'])).toBeUndefined();
  });

  it('leaves no trace from one question to the next', () => {
    expect(examples.owner(['stop', 'container'])).toBeUndefined();
    expect(examples.owner(['run', 'container'])).toBe('run');
    expect(examples.owner(['run', 'container'])).toBe('run');
  });
});

describe('the topic owning an example question, the word naming the domain aside', () => {
  const numbers = new TermNumbers();
  const owned = new ExampleIndex(
    [
      { topic: 'history', terms: ['build', 'image'] },
      { topic: 'build', terms: ['build', 'docker', 'image'] },
      { topic: 'what', terms: ['docker'] },
      { topic: 'ps', terms: ['docker', 'ps'] },
    ].map(({ topic, terms }) => ({ topic, terms: terms.map((term) => numbers.number(term)) })),
    numbers,
    () => 1,
    'docker',
  );

  it('is none when another topic has an example that differs only by that word', () => {
    expect(owned.owner(['build', 'image'])).toBeUndefined();
    expect(owned.owner(['build', 'docker', 'image'])).toBeUndefined();
  });

  it('is the one topic with exactly these terms when no other has them with or without that word', () => {
    expect(owned.owner(['docker', 'ps'])).toBe('ps');
    expect(owned.owner(['docker'])).toBe('what');
  });
});

describe('example questions of a kind (how, or about something failing)', () => {
  const numbers = new TermNumbers();
  const kinded = new ExampleIndex(
    [
      { topic: 'rmi', terms: ['remove', 'image', '?how'] },
      { topic: 'in-use', terms: ['remove', 'image', '?trouble'] },
      { topic: 'save', terms: ['docker', 'save', '?how'] },
      { topic: 'denied', terms: ['push', 'image', '?trouble'] },
    ].map(({ topic, terms }) => ({ topic, terms: terms.map((term) => numbers.number(term)) })),
    numbers,
    () => 1,
    'docker',
    ['?how', '?trouble'],
    ['?trouble'],
  );

  it('belong to the question that asks the same words of the same kind', () => {
    expect(kinded.owner(['remove', 'image', '?how'])).toBe('rmi');
    expect(kinded.owner(['remove', 'image', '?trouble'])).toBe('in-use');
    expect(kinded.owner(['push', 'image', '?trouble'])).toBe('denied');
    expect(kinded.similarity(['remove', 'image', '?how']).get('rmi')).toBeCloseTo(1);
    expect(kinded.similarity(['remove', 'image', '?how']).get('in-use')).toBeLessThan(1);
  });

  it('match a question that states no kind wholly when their own kind (how) may go unsaid', () => {
    expect(kinded.owner(['docker', 'save'])).toBe('save');
    expect(kinded.similarity(['docker', 'save']).get('save')).toBeCloseTo(1);
    expect(kinded.similarity(['remove', 'image']).get('rmi')).toBeCloseTo(1);
  });

  it('never own a question that does not say something fails, and come less close to it', () => {
    expect(kinded.owner(['push', 'image'])).toBeUndefined();
    expect(kinded.owner(['remove', 'image'])).toBe('rmi');
    expect(kinded.similarity(['push', 'image']).get('denied')).toBeLessThan(0.9);
    expect(kinded.similarity(['remove', 'image']).get('in-use')).toBeLessThan(0.9);
  });
});
