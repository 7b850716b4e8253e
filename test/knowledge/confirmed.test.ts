import { describe, expect, it } from 'vitest';
import { confirmedTopics } from '../../bot/knowledge/confirmed.js';
import type { Gap } from '../../bot/knowledge/gaps.js';

const at = (minute: number) => `2026-12-05T10:${String(minute).padStart(2, '0')}:00.000Z`;
const asked = (minute: number, question: string, suggestions: string[]): Gap => ({ time: at(minute), question, lang: 'ko', status: 'suggest', topic: null, suggestions, score: 4, via: 'test', ref: `q${minute}` });
const pick = (minute: number, question: string, topic: string, person: string): Gap => ({ ...asked(minute, question, []), topic, pickedBy: person, opened: `o${minute}` });
const vote = (minute: number, question: string, topic: string, kind: 'up' | 'down', voter: string, score = 4): Gap => ({
  ...asked(minute, question, []),
  status: 'answer',
  topic,
  score,
  vote: kind,
  answer: `a${minute}`,
  voter,
});

describe('topics people confirmed', () => {
  it('take the one suggestion people opened, counting each person once, oldest question first', () => {
    const gaps = [
      asked(1, '컨테이너 쉘 들어가기', ['exec', 'attach']),
      pick(2, '컨테이너 쉘 들어가기', 'exec', 'u1'),
      pick(3, '컨테이너 쉘 들어가기', 'exec', 'u2'),
      pick(4, '컨테이너 쉘 들어가기', 'exec', 'u1'),
      vote(5, 'docker save 어떻게 써요?', 'save-load', 'up', 'u3'),
      asked(0, '로그 보기', ['logs']),
      pick(0, '로그 보기', 'logs', 'u1'),
    ];
    expect(confirmedTopics(gaps)).toEqual([
      { question: '로그 보기', lang: 'ko', topic: 'logs', people: 1, time: at(0) },
      { question: '컨테이너 쉘 들어가기', lang: 'ko', topic: 'exec', people: 2, time: at(4) },
      { question: 'docker save 어떻게 써요?', lang: 'ko', topic: 'save-load', people: 1, time: at(5) },
    ]);
  });

  it('leave out a question whose people kept two topics: it was unclear, not about either', () => {
    const gaps = [pick(1, 'stop vs kill', 'stop-vs-kill', 'u1'), pick(2, 'stop vs kill', 'pid1-signals', 'u2')];
    expect(confirmedTopics(gaps)).toEqual([]);
  });

  it('drop a topic someone rated 👎 for the question, keeping the one they went on to open', () => {
    const gaps = [pick(1, 'bind mount empty', 'volumes', 'u1'), vote(2, 'bind mount empty', 'volumes', 'down', 'u1'), pick(3, 'bind mount empty', 'err-mount-source', 'u1')];
    expect(confirmedTopics(gaps).map(({ topic }) => topic)).toEqual(['err-mount-source']);
    expect(confirmedTopics([vote(1, 'x', 'exec', 'up', 'u1'), vote(2, 'x', 'exec', 'down', 'u2')])).toEqual([]);
  });

  it('read nothing into answers nobody rated, nor votes on topics opened without a question', () => {
    const answered: Gap = { ...asked(1, 'run vs start', []), status: 'answer', topic: 'run-vs-start-vs-create' };
    expect(confirmedTopics([answered, vote(2, 'Images and containers', 'image-vs-container', 'up', 'u1', 0)])).toEqual([]);
  });

  it('tell the same words asked in two languages apart', () => {
    const english: Gap = { ...pick(2, 'docker ps', 'ps', 'u1'), lang: 'en' };
    expect(confirmedTopics([pick(1, 'docker ps', 'ps-columns', 'u1'), english]).map(({ lang, topic }) => `${lang} ${topic}`)).toEqual(['ko ps-columns', 'en ps']);
  });
});
