import { describe, expect, it } from 'vitest';
import { Phrases } from '../../bot/knowledge/phrases.js';

const phrases = new Phrases([
  ['virtual machines', 'vm'],
  ['virtual machine', 'vm'],
  ['환경 변수', 'environment-variable'],
]);

describe('the lexicon phrases', () => {
  it('fold each phrase into its term, set apart by spaces, wherever it stands', () => {
    expect(phrases.fold('virtual machine vs container')).toBe(' vm  vs container');
    expect(phrases.fold('container or virtual machine')).toBe('container or  vm ');
    expect(phrases.fold('도커 환경 변수 설정')).toBe('도커  environment-variable  설정');
  });

  it('prefer the longer phrase when one contains another', () => {
    expect(phrases.fold('virtual machines')).toBe(' vm ');
  });

  it('fold every occurrence of a phrase', () => {
    expect(phrases.fold('virtual machine in a virtual machine')).toBe(' vm  in a  vm ');
  });

  it('leave a text without any of the phrases as it is', () => {
    expect(phrases.fold('virtual container machine')).toBe('virtual container machine');
    expect(phrases.fold('machine virtual')).toBe('machine virtual');
  });

  it('leave every text as it is when there are no phrases', () => {
    expect(new Phrases([]).fold('virtual machine')).toBe('virtual machine');
  });
});
