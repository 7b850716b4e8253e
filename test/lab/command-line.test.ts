import { describe, expect, it } from 'vitest';
import { commandLineOf } from '../../bot/lab/command-line.js';
import { parseLab } from '../../bot/lab/parse.js';
import type { LabAction } from '../../bot/lab/actions.js';

describe('an action spelled as a command line', () => {
  it('reads as the docker CLI spells it', () => {
    expect(commandLineOf({ action: 'save', images: ['app:1', 'db:2'], file: 'a.tar.gz', gzip: true, force: false, host: 'lab2' })).toBe(
      'docker save -o a.tar.gz app:1 db:2 --gzip --host lab2',
    );
    expect(commandLineOf({ action: 'ps', all: true, name: ['my web'] })).toBe('docker ps -a --filter name="my web"');
    expect(commandLineOf({ action: 'images', all: false, dangling: true, host: 'all' })).toBe('docker images --filter dangling=true --host all');
    expect(commandLineOf({ action: 'load', file: 'x.tar', yes: false })).toBe('docker load -i x.tar');
  });

  it('quotes a name filter so a copied line filters by the same name instead of running anything', () => {
    expect(commandLineOf({ action: 'ps', all: false, name: ['a;b'] })).toBe('docker ps --filter name="a;b"');
    expect(commandLineOf({ action: 'ps', all: false, name: ["$(id) it's"] })).toBe(`docker ps --filter name='$(id) it'\\''s'`);
  });

  it('reads back, as a line, into the very action it spells', () => {
    const actions: LabAction[] = [
      { action: 'ps', all: true, name: ['my web', '^db'], state: ['exited', 'dead'], host: 'lab2' },
      { action: 'images', all: true, dangling: true },
      { action: 'save', images: ['registry.example.com:5000/app:1', 'db:2'], file: 'x.tar.gz', gzip: true, force: true, host: 'lab-1' },
      { action: 'load', file: 'x.tar', yes: false, host: 'lab2' },
    ];
    for (const action of actions) {
      const read = parseLab(commandLineOf(action));
      expect(read.ok && read.value.action, commandLineOf(action)).toEqual(action);
    }
  });
});
