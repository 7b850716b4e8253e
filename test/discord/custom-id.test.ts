import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX, decodeButton, encodeButton } from '../../bot/discord/custom-id.js';

describe('button custom ids', () => {
  it('carry the action, the topic and the language there and back', () => {
    const id = encodeButton({ action: 'lang', topicId: 'run-vs-start-vs-create', lang: 'ko' });
    expect(id).toBe('gorae:lang:run-vs-start-vs-create:ko');
    expect(decodeButton(id!)).toEqual({ action: 'lang', topicId: 'run-vs-start-vs-create', lang: 'ko' });
  });

  it('are refused when they would pass Discord’s 100-character limit', () => {
    expect(encodeButton({ action: 'topic', topicId: 'a'.repeat(CUSTOM_ID_MAX), lang: 'en' })).toBeUndefined();
  });

  it('decode only what Gorae made', () => {
    for (const foreign of ['', 'gorae', 'gorae:topic:x', 'gorae:delete:x:en', 'gorae:topic:X Y:en', 'gorae:topic:x:fr', 'other:topic:x:en']) {
      expect(decodeButton(foreign)).toBeUndefined();
    }
  });
});
