import { describe, expect, it } from 'vitest';
import { Corrector, editDistance, sameStem } from '../../bot/knowledge/fuzzy.js';

describe('typo correction', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('strat', 'start', 2)).toBe(1);
    expect(editDistance('docekr', 'docker', 2)).toBe(1);
  });

  it('gives up past the allowed distance', () => {
    expect(editDistance('kubernetes', 'container', 2)).toBe(3);
  });

  const corrector = new Corrector(
    ['start', 'docker', 'container', 'state', '컨테이너', '이미지', '볼륨', '포트', '이동', '사이', '22.04', '8081'].map((surface) => ({ surface, term: surface, weight: 1 })),
  );

  it('corrects English typos to the nearest known word', () => {
    expect(corrector.correct('strat')).toBe('start');
    expect(corrector.correct('docekr')).toBe('docker');
    expect(corrector.correct('contianer')).toBe('container');
  });

  it('corrects Korean typos letter by letter (jamo), inside a syllable', () => {
    expect(corrector.correct('컨테이나')).toBe('컨테이너');
    expect(corrector.correct('이미쥐')).toBe('이미지');
    expect(corrector.correct('볼룸')).toBe('볼륨');
    expect(corrector.correct('컨테니어')).toBe('컨테이너');
  });

  it('keeps two-syllable Korean words with a different consonant apart', () => {
    expect(corrector.correct('포크')).toBeUndefined();
    expect(corrector.correct('고래')).toBeUndefined();
  });

  it('leaves two-syllable Korean words of five letters alone: one letter from them is usually another word', () => {
    expect(corrector.correct('기동')).toBeUndefined();
    expect(corrector.correct('상이')).toBeUndefined();
  });

  it('never corrects a number: versions and ports are written as meant', () => {
    expect(corrector.correct('12.04')).toBeUndefined();
    expect(corrector.correct('8091')).toBeUndefined();
  });

  it('leaves short and unrelated words alone', () => {
    expect(corrector.correct('ps')).toBeUndefined();
    expect(corrector.correct('weather')).toBeUndefined();
  });
});

describe('forms of one stem', () => {
  it('takes words that differ only in a short ending as forms of one stem', () => {
    expect(sameStem('timestamp', 'timestamps')).toBe(true);
    expect(sameStem('dependant', 'dependent')).toBe(true);
    expect(sameStem('설치해', '설치하는')).toBe(true);
  });

  it('tells apart words that share too short a start, or differ by more than an ending', () => {
    expect(sameStem('chance', 'change')).toBe(false);
    expect(sameStem('정복', '정보')).toBe(false);
    expect(sameStem('container', 'containerization')).toBe(false);
  });
});
