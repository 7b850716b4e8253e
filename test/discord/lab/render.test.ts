import { describe, expect, it } from 'vitest';
import { inlineCode } from '../../../bot/discord/lab/inline-code.js';
import { codeBlock, failureReply, progressReply } from '../../../bot/discord/lab/render.js';
import { createI18n, translator } from '../../../bot/i18n.js';
import { commandLineOf } from '../../../bot/lab/command-line.js';

const t = translator(createI18n(), 'en');

describe('lab replies', () => {
  it('list the allowed actions in a code block when refusing a chat line', () => {
    const { content } = failureReply(t, { id: 'lab.parse.action', vars: { action: 'rm' } });
    expect(content).toMatch(/^⚠️ "rm" isn't something Gorae will do\. Gorae runs only these lab actions:\n```\nps \[-a\]/);
    expect(content.match(/```/g)).toHaveLength(2);
    expect(content).toMatch(/```\nEach one also takes --host NAME\.$/);
  });

  it('say in English or Korean that a load ended with tags other than the ones confirmed', () => {
    const failure = { id: 'lab.load.unexpected', vars: { host: 'lab1', file: 'web.tar', differences: 'web:1 4f2a00000000 → —' } };
    expect(failureReply(t, failure).content).toMatch(/^⚠️ web\.tar was loaded into lab1, but the engine's tags are not the ones you confirmed .*web:1 4f2a00000000 → —/);
    expect(failureReply(translator(createI18n(), 'ko'), failure).content).toContain('엔진의 태그가 확인하신 것과 달라요');
  });

  it('echo input without letting it ping', () => {
    const { content } = failureReply(t, { id: 'lab.parse.action', vars: { action: '@everyone' } });
    expect(content).toContain('"@\u200beveryone"');
  });

  it('keep hostile text inside a code block and cut whole lines to fit', () => {
    const block = codeBlock(['fine', '```', '@here', 'x'.repeat(50), 'y'.repeat(50)], 80);
    expect(block.length).toBeLessThanOrEqual(80);
    expect(block.match(/```/g)).toHaveLength(2);
    expect(block).toContain('@\u200bhere');
    expect(block).toMatch(/\n…\n```$/);
  });

  it('show commands safe inside inline code', () => {
    expect(inlineCode('a`b @everyone')).toBe('`aˋb @\u200beveryone`');
  });

  it('fit Discord’s 2,000 characters whatever a failure echoes, dropping the list of actions whole rather than cutting it open', () => {
    for (const length of [1_700, 1_900, 3_000]) {
      const { content } = failureReply(t, { id: 'lab.parse.action', vars: { action: 'x'.repeat(length) } });
      expect(content.length, String(length)).toBeLessThanOrEqual(2_000);
      expect((content.match(/```/g) ?? []).length % 2, String(length)).toBe(0);
    }
  });

  it('shorten a very long command in a progress line', () => {
    const images = Array.from({ length: 64 }, (_, index) => `registry.example.com/team/service-${index}:1.0.${index}`);
    const command = commandLineOf({ action: 'save', images, gzip: false, force: false });
    const { content } = progressReply(t, command, { phase: 'save', bytes: 1_000_000, total: 4_000_000 });
    expect(command.length).toBeGreaterThan(2_000);
    expect(content.length).toBeLessThanOrEqual(2_000);
    expect(content).toMatch(/^⏳ `docker save registry\.example\.com\/team\/service-0:1\.0\.0 .*…`\n```\n/);
  });
});
