import { describe, expect, it } from 'vitest';
import { prepareLexicon } from '../../bot/knowledge/lexicon.js';
import { WordForms } from '../../bot/knowledge/word-forms.js';

const LEXICON = {
  suffixes: ['를', '을', '는', '이', '요', '아요', '인', '서', '다', '는데', '어요'],
  boundNouns: ['시', '중'],
  stopwords: { en: ['the'], ko: ['방법', '질문', '돼요'] },
  synonyms: { container: ['컨테이너', 'containers'], create: ['생성'] },
  outside: [],
  spellings: [],
  signal: { core: [], objects: [], commands: [], general: [], instructions: [] },
};
const lexicon = prepareLexicon(LEXICON);
const known = new Set(['image', 'start', 'copy', 'manual', 'app', '볼륨', '공유', '중', '않아', '안돼']);
const forms = new WordForms(lexicon, (term) => known.has(term));

describe('the forms of one word', () => {
  it('read a variant as its canonical term, and a stopword or a particle as nothing', () => {
    expect(forms.read('컨테이너')).toBe('container');
    expect(forms.read('the')).toBeNull();
    expect(forms.read('를')).toBeNull();
  });

  it('strip Korean particles and endings when what remains is known', () => {
    expect(forms.read('컨테이너를')).toBe('container');
    expect(forms.read('볼륨을')).toBe('볼륨');
    expect(forms.read('생성되는')).toBe('create');
  });

  it('strip a bound noun written onto a noun of two syllables or more (볼륨시, 컨테이너중인), and keep it on a shorter one', () => {
    expect(forms.read('볼륨시')).toBe('볼륨');
    expect(forms.read('컨테이너중인')).toBe('container');
    expect(forms.read('공유중')).toBe('공유');
    expect(forms.read('표시')).toBe('표시');
    expect(forms.read('시')).toBe('시');
  });

  it('read a noun made a humble verb with 드리다 as the noun (공유드립니다, 질문드려요)', () => {
    expect(forms.read('공유드립니다')).toBe('공유');
    expect(forms.read('질문드려요')).toBeNull();
  });

  it('read a word in the formal 합니다 style as its 해요-style form reads', () => {
    expect(forms.read('않습니다')).toBe('않아');
    expect(forms.read('안됩니다')).toBe('안돼');
    expect(forms.read('됩니다')).toBeNull();
  });

  it('strip the polite 요 only after a vowel, where a verb form ends: 중요 is a word of its own', () => {
    expect(forms.read('중요')).toBe('중요');
    expect(forms.read('않아요')).toBe('않아');
  });

  it('stem English words to a known word', () => {
    expect(forms.read('images')).toBe('image');
    expect(forms.read('starting')).toBe('start');
    expect(forms.read('copied')).toBe('copy');
    expect(forms.read('manually')).toBe('manual');
    expect(forms.read('apply')).toBe('apply');
  });

  it('give -es and -ed back the e of their stem before reading them without it (sites, noted), and leave it off where no word has it (boxes)', () => {
    const stems = new WordForms(lexicon, (term) => ['sit', 'site', 'not', 'note', 'box', 'push'].includes(term));
    expect(stems.read('sites')).toBe('site');
    expect(stems.read('notes')).toBe('note');
    expect(stems.read('noted')).toBe('note');
    expect(stems.read('boxes')).toBe('box');
    expect(stems.read('pushed')).toBe('push');
  });

  it('read every tense of a verb as its stem reads, the past (지웠어요, 올렸더니) as the present (지워요, 올려서)', () => {
    const verbs = new WordForms(
      prepareLexicon({ ...LEXICON, synonyms: { remove: ['지우'], push: ['올리'], stop: ['끄'] } }),
      (term) => ['바꾸', '받'].includes(term),
    );
    expect(['지워요', '지웠어요', '지웠는데', '지웠습니다'].map((word) => verbs.read(word))).toEqual(['remove', 'remove', 'remove', 'remove']);
    expect(['올려서', '올렸더니'].map((word) => verbs.read(word))).toEqual(['push', 'push']);
    expect(verbs.read('바꿨다')).toBe('바꾸');
    expect(verbs.read('껐다')).toBe('stop');
  });

  it('read a past tense typed with ㅅ for ㅆ (지웟는데, 꺼졋어요) as typed right, and leave a word no such reading makes known as it was', () => {
    const verbs = new WordForms(prepareLexicon({ ...LEXICON, synonyms: { remove: ['지우'], stop: ['끄', '꺼지'], exit: ['나가'] } }), () => false);
    expect(['지웟는데', '꺼졋어요', '나갓는데'].map((word) => verbs.read(word))).toEqual(['remove', 'stop', 'exit']);
    const known = new WordForms(prepareLexicon({ ...LEXICON, synonyms: { vs: ['대'] }, stopwords: { en: [], ko: ['가셨'] } }), (term) => term === '셧다운');
    expect(known.read('셧다운이'), 'the first syllable is a stem, unless an ending follows it').toBe('셧다운');
    expect(['껏다', '켯는데'].map((word) => new WordForms(prepareLexicon({ ...LEXICON, synonyms: { stop: ['끄'], start: ['켜'] } }), () => false).read(word))).toEqual(['stop', 'start']);
    expect(known.read('댓글'), '댔 would read as 대').toBe('댓글');
    expect(known.read('가셧'), 'nor as the nothing a stopword reads as').toBe('가셧');
  });

  it('take a one-syllable stem only where the lexicon names it: a known syllable such as 받 is too often another word', () => {
    const verbs = new WordForms(prepareLexicon(LEXICON), (term) => term === '받');
    expect(verbs.read('받았다')).not.toBe('받');
  });

  it('read an unknown word as itself', () => {
    expect(forms.read('kubelet')).toBe('kubelet');
  });

  it('resolve only what the lexicon names or is known, as written', () => {
    expect(forms.resolve('image')).toBe('image');
    expect(forms.resolve('the')).toBeNull();
    expect(forms.resolve('images')).toBeUndefined();
  });

  it('say which words the lexicon alone reads, whatever becomes known', () => {
    expect(['컨테이너', 'the', '를'].every((word) => forms.fixed(word))).toBe(true);
    expect(['image', '컨테이너를', 'kubelet'].some((word) => forms.fixed(word))).toBe(false);
  });
});
