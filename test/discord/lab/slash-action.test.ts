import { describe, expect, it } from 'vitest';
import { slashAction } from '../../../bot/discord/lab/slash-action.js';
import { parseLab } from '../../../bot/lab/parse.js';

/** Options as a slash command carries them. */
const options = (values: Record<string, string | boolean>) =>
  ({
    getString: (name: string) => (typeof values[name] === 'string' ? values[name] : null),
    getBoolean: (name: string) => (typeof values[name] === 'boolean' ? values[name] : null),
  }) as unknown as Parameters<typeof slashAction>[1];

const parsed = (subcommand: string, values: Record<string, string | boolean>) => {
  const result = slashAction(subcommand, options(values));
  return result.ok ? result.value : result.error;
};

describe('slash options as a lab action', () => {
  it('reads each subcommand the way the chat and the terminal would', () => {
    expect(parsed('ps', { all: true, name: 'web', host: 'lab2' })).toEqual({ action: 'ps', all: true, name: ['web'], host: 'lab2' });
    expect(parsed('images', { dangling: true })).toEqual({ action: 'images', all: false, dangling: true });
    expect(parsed('save', { image: 'app:1', more: ' db:2  cache:3 ', file: 'app.tar.gz', gzip: true })).toEqual({
      action: 'save',
      images: ['app:1', 'db:2', 'cache:3'],
      file: 'app.tar.gz',
      gzip: true,
      force: false,
    });
    expect(parsed('load', { file: 'app.tar' })).toEqual({ action: 'load', file: 'app.tar', yes: false });
  });

  it('builds exactly the action the same words typed as a line would', () => {
    const line = parseLab('docker save app:1 db:2 -o app.tar.gz --gzip --host lab2');
    expect(line.ok && line.value.action).toEqual(parsed('save', { image: 'app:1', more: 'db:2', file: 'app.tar.gz', gzip: true, host: 'lab2' }));
  });

  it('never reads an image option as a flag, and refuses what the whitelist refuses', () => {
    expect(parsed('save', { image: '--force' })).toMatchObject({ id: 'lab.parse.reference.format' });
    expect(parsed('load', { file: '../etc/passwd.tar' })).toMatchObject({ id: 'lab.file.path' });
    expect(parsed('ps', { host: 'all' })).toMatchObject({ action: 'ps', host: 'all' });
    expect(parsed('save', { image: 'app:1', host: 'all' })).toMatchObject({ id: 'lab.parse.hostAll' });
    expect(parsed('rm', {})).toMatchObject({ id: 'lab.parse.action', vars: { action: 'rm' } });
  });

  it('takes a name filter with shell characters as just a name filter: no shell reads it', () => {
    expect(parsed('ps', { name: 'a;b' })).toEqual({ action: 'ps', all: false, name: ['a;b'] });
    expect(parsed('ps', { name: '`reboot` | sh && $HOME' })).toEqual({ action: 'ps', all: false, name: ['`reboot` | sh && $HOME'] });
    expect(parsed('ps', { name: 'a\nb' })).toMatchObject({ id: 'lab.parse.name' });
  });
});
