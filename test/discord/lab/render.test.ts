import { describe, expect, it } from 'vitest';
import { describeAction, inlineCode } from '../../../bot/discord/lab/describe.js';
import { codeBlock, failureReply } from '../../../bot/discord/lab/render.js';
import { createI18n, translator } from '../../../bot/i18n.js';

const t = translator(createI18n(), 'en');

describe('lab replies', () => {
  it('list the allowed actions in a code block when refusing a chat line', () => {
    const { content } = failureReply(t, { id: 'lab.parse.action', vars: { action: 'rm' } });
    expect(content).toMatch(/^⚠️ "rm" isn't something Gorae will do\. Gorae runs only these lab actions:\n```\nps \[-a\]/);
    expect(content.match(/```/g)).toHaveLength(2);
    expect(content).toMatch(/```\nEach one also takes --host NAME\.$/);
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

  it('spell actions as the docker CLI does, safe inside inline code', () => {
    expect(describeAction({ action: 'save', images: ['app:1', 'db:2'], file: 'a.tar.gz', gzip: true, force: false, host: 'lab2' })).toBe(
      'docker save -o a.tar.gz app:1 db:2 --gzip --host lab2',
    );
    expect(describeAction({ action: 'ps', all: true, name: 'my web' })).toBe('docker ps -a --filter name="my web"');
    expect(inlineCode('a`b @everyone')).toBe('`aˋb @\u200beveryone`');
  });
});
