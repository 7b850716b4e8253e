import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../bot/core/paths.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { readDevSet } from './eval-set.js';
import { wordsIn } from '../../bot/knowledge/words.js';

/** The pattern the scan replaces, and still the definition of a word. */
const WORD = /[a-z0-9]+(?:[._-][a-z0-9]+)*|[\uac00-\ud7af\u3131-\u318e]+|(?<![a-z0-9])(?:--?|[\u2013\u2014])[a-z][a-z0-9-]*/g;
const byPattern = (text: string): string[] => text.match(WORD) ?? [];

describe('the words of a text', () => {
  it('are joined words, runs of Hangul and flags', () => {
    expect(wordsIn('docker-compose up --build -d 컨테이너랑 x86_64 127.0.0.1')).toEqual(['docker-compose', 'up', '--build', '-d', '컨테이너랑', 'x86_64', '127.0.0.1']);
    expect(wordsIn('–memory —rm')).toEqual(['–memory', '—rm']);
  });

  it('are what the pattern finds, at the edges of each kind', () => {
    const edges = ['---x', 'a--rm', '--rm', '-', '--', '--1', 'x-', '-1', 'a.b.c_d-e.', 'a..b', '.a', 'a-b-', '- -a', '0--a', 'a–rm', '–-x', '—', 'ㄱㄴ가힣', 'rm-x--y', '-a-', 'é-a', '', 'run.', 'a_'];
    for (const text of edges) expect(wordsIn(text), text).toEqual(byPattern(text));
  });

  it('are what the pattern finds in every text of the knowledge base and every development question', async () => {
    const topics = await loadTopics(join(packageRoot(import.meta.url), 'knowledge'));
    if (!topics.ok) throw new Error('knowledge did not load');
    const texts = topics.value.flatMap((topic) => [
      ...[topic.en, topic.ko].flatMap((side) => [side.title, side.summary, side.answer, ...side.keywords, ...side.aliases]),
      ...topic.commands.map((command) => command.command),
    ]);
    for (const text of [...texts, ...readDevSet().map((item) => item.q)].map((text) => text.normalize('NFKC').toLowerCase())) {
      expect(wordsIn(text)).toEqual(byPattern(text));
    }
  });
});
