import { describe, expect, it } from 'vitest';
import type { Lang } from '../../bot/core/lang.js';
import { createI18n, translator } from '../../bot/i18n.js';
import type { Topic } from '../../bot/knowledge/topic.js';
import { chatCommands, type ChatState } from '../../bot/terminal/chat-commands.js';
import { realKnowledge } from '../support/knowledge.js';

async function chatState(written: Lang = 'en') {
  const i18n = createI18n();
  const told: string[] = [];
  const shown: Array<[string, Lang]> = [];
  const state: ChatState = {
    knowledge: await realKnowledge(),
    paint: (_format, text) => text,
    tell: (text) => told.push(text),
    say: (text) => told.push(text),
    spoken: () => translator(i18n, state.forced ?? written),
    ui: translator(i18n, 'en'),
    forced: undefined,
    written: () => written,
    showTopic: (topic: Topic, lang: Lang) => shown.push([topic.id, lang]),
  };
  return { state, told, shown, commands: chatCommands(state) };
}

describe("the chat's / commands", () => {
  it('hold the chat to a language with /lang, and let it follow each question again with /lang auto', async () => {
    const { state, told, commands } = await chatState();
    expect(commands['/lang']!('ko')).toBe(true);
    expect(state.forced).toBe('ko');
    commands['/lang']!('auto');
    expect(state.forced).toBeUndefined();
    commands['/lang']!('fr');
    expect(told.at(-1)).toContain('fr');
  });

  it('open a topic by id in the language the chat is held to, and name the ids like an unknown one', async () => {
    const { state, told, shown, commands } = await chatState('en');
    state.forced = 'ko';
    commands['/topic']!('Save-Load');
    expect(shown).toEqual([['save-load', 'ko']]);
    commands['/topic']!('save');
    expect(told.at(-1)).toContain('save-load, save-vs-export');
  });

  it('end the chat only with /quit, /exit and /q', async () => {
    const { commands } = await chatState();
    expect(['/quit', '/exit', '/q'].map((name) => commands[name]!(''))).toEqual([false, false, false]);
    expect(commands['/help']!('')).toBe(true);
  });
});
