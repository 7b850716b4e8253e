import { describe, expect, it } from 'vitest';
import { QuestionKinds } from '../../bot/knowledge/question-kinds.js';

const kinds = new QuestionKinds(
  new Map([
    ['how', ['how', '방법', '는법', '려면']],
    ['trouble', ['not', "can't", 'fails', 'failure', '안 돼', '안', '에러']],
  ]),
);

describe('the kind of a question', () => {
  it('tells a question asking how from one about something failing, though both name the same subject', () => {
    expect(kinds.of('how do I remove an image')).toEqual(['?how']);
    expect(kinds.of("can't remove image")).toEqual(['?trouble']);
    expect(kinds.of('how come the build fails')).toEqual(['?how', '?trouble']);
    expect(kinds.of('remove an image')).toEqual([]);
  });

  it('reads English markers as whole words, with either apostrophe', () => {
    expect(kinds.of('Docker CAN’T start')).toEqual(['?trouble']);
    expect(kinds.of('mount a volume')).toEqual([]);
    expect(kinds.of('show the current environment')).toEqual([]);
  });

  it('does not read a marker joined on by a hyphen, which is part of a name', () => {
    expect(kinds.of('how does --restart on-failure work')).toEqual(['?how']);
    expect(kinds.of('restart on failure')).toEqual(['?trouble']);
  });

  it('reads Korean markers inside words, and a single syllable only as a word of its own', () => {
    expect(kinds.of('이미지 지우는법')).toEqual(['?how']);
    expect(kinds.of('컨테이너 안에 들어가려면?')).toEqual(['?how']);
    expect(kinds.of('컨테이너가 안 켜져요')).toEqual(['?trouble']);
    expect(kinds.of('권한 에러가 나요')).toEqual(['?trouble']);
    expect(kinds.of('보안 설정')).toEqual([]);
  });

  it('lists every kind it can tell, in the lexicon\'s order', () => {
    expect(kinds.terms).toEqual(['?how', '?trouble']);
  });
});
