import { describe, expect, it } from 'vitest';
import { decodeLabButton, encodeLabButton, isLabButton, newToken } from '../../../bot/discord/lab/custom-id.js';

describe('lab button ids', () => {
  it('round-trip page turns and answers', () => {
    const token = newToken();
    for (const button of [{ kind: 'page', token, page: 3 }, { kind: 'yes', token }, { kind: 'no', token }] as const) {
      const id = encodeLabButton(button);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(isLabButton(id)).toBe(true);
      expect(decodeLabButton(id)).toEqual(button);
    }
  });

  it('read nothing into ids they did not make', () => {
    for (const id of ['gorae:topic:run-vs-start:en', 'gorae:lab:page:zz:1', 'gorae:lab:yes:0123', `gorae:lab:page:${newToken()}:-1`, 'gorae:lab:rm:0123456789abcdef']) {
      expect(decodeLabButton(id), id).toBeUndefined();
    }
  });
});
