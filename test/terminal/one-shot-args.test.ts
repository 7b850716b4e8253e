import { describe, expect, it } from 'vitest';
import { readOneShot } from '../../bot/terminal/one-shot-args.js';
import { terminalHarness } from '../support/terminal.js';

describe("a one-shot command's options", () => {
  it('gives the language, --json and the words left over', async () => {
    const h = await terminalHarness();
    expect(readOneShot(['--lang', 'ko', '--json', 'save-load'], h.deps)).toEqual({ run: true, lang: 'ko', json: true, positionals: ['save-load'] });
    expect(readOneShot(['run vs start'], h.deps)).toEqual({ run: true, lang: undefined, json: false, positionals: ['run vs start'] });
  });

  it('prints the usage for --help and ends the command with exit 0', async () => {
    const h = await terminalHarness();
    expect(readOneShot(['-h'], h.deps)).toEqual({ run: false, exit: 0 });
    expect(h.out()).toContain('gorae topic [ID]');
  });

  it("refuses an unknown option or language in the terminal's language, with exit 2", async () => {
    const h = await terminalHarness({ uiLang: 'ko' });
    expect(readOneShot(['--nope'], h.deps)).toEqual({ run: false, exit: 2 });
    expect(readOneShot(['--lang', 'fr'], h.deps)).toEqual({ run: false, exit: 2 });
    expect(h.err()).toContain('--nope');
    expect(h.err()).toContain('"fr"');
    expect(h.out()).toBe('');
  });
});
