import { describe, expect, it } from 'vitest';
import { hasHangul, inNoLanguage, languageOf } from '../../bot/core/lang.js';

describe('telling Korean from English', () => {
  it('sees Hangul syllables, compatibility jamo and jamo, and nothing else', () => {
    expect(['고래', 'ㅋㅋ', '\u1100\u1161', 'run이랑 start'].map(hasHangul)).toEqual([true, true, true, true]);
    expect(['docker ps', '日本語', 'ｄｏｃｋｅｒ', ''].map(hasHangul)).toEqual([false, false, false, false]);
  });

  it('reads any Hangul as a Korean line', () => {
    expect(languageOf('docker ps가 뭐야')).toBe('ko');
    expect(languageOf('what is docker ps')).toBe('en');
  });

  it.each([
    'docker network ls',
    '$ sudo docker compose ps',
    'docker-compose up -d',
    '?',
    '137',
    '  ',
    'bash: docker: command not found',
    './entrypoint.sh: permission denied',
    "Error: Cannot find module 'express'",
    'web-1  | Error: listen EADDRINUSE: address already in use :::3000',
    'sh: 1: vite: Permission denied',
    'E: Unable to locate package docker-ce',
    'curl: (7) Failed to connect to localhost port 8080: Connection refused',
    'npm ERR! code ENOENT',
    "ModuleNotFoundError: No module named 'flask'",
  ])('takes "%s" as written in no language', (line) => {
    expect(inNoLanguage(line)).toBe(true);
  });

  it.each(['how do I list networks?', 'dockerfile vs compose', 'docker network ls 뭐야', '137 에러', 'docker is slow on mac', 'docker vs podman?', "Docker Desktop won't start", 'Question: why does my container stop?', 'note that it fails', 'Mac: how do I install docker', 'Update: how to delete all stopped containers'])('takes "%s" as written in a language', (line) => {
    expect(inNoLanguage(line)).toBe(false);
  });
});
