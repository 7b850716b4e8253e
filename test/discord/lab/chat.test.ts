import { describe, expect, it } from 'vitest';
import { labLineOf } from '../../../bot/discord/lab/chat.js';

describe('telling a lab line from a question in a mention', () => {
  it('takes docker commands, the bare actions, and commands wrapped in code', () => {
    expect(labLineOf('docker ps -a')).toBe('docker ps -a');
    expect(labLineOf('images')).toBe('images');
    expect(labLineOf('save app:1 --gzip')).toBe('save app:1 --gzip');
    expect(labLineOf('`docker ps -a`')).toBe('docker ps -a');
    expect(labLineOf('```docker images```')).toBe('docker images');
    expect(labLineOf('docker rm -f web')).toBe('docker rm -f web');
  });

  it('takes lines that open like a shell, so they are refused rather than answered', () => {
    expect(labLineOf('; rm -rf /')).toBe('; rm -rf /');
    expect(labLineOf('$(reboot)')).toBe('$(reboot)');
    expect(labLineOf('| sh')).toBe('| sh');
  });

  it('leaves questions as questions', () => {
    expect(labLineOf('docker ps가 뭐야?')).toBeUndefined();
    expect(labLineOf('what does docker ps do?')).toBeUndefined();
    expect(labLineOf('run vs start')).toBeUndefined();
    expect(labLineOf('')).toBeUndefined();
  });
});
