import { describe, expect, it } from 'vitest';
import { liveMessage } from '../../../bot/discord/lab/live.js';

/** A clock the test moves by hand, and an edit that records what it showed and can be held open. */
function harness() {
  let now = 0;
  const shown: string[] = [];
  let release: (() => void) | undefined;
  const edit = (reply: string) =>
    new Promise<void>((resolve) => {
      shown.push(reply);
      release = resolve;
    });
  const errors: unknown[] = [];
  const live = liveMessage(edit, (error) => errors.push(error), () => now, 2_000);
  return { live, shown, errors, tick: (ms: number) => (now += ms), finish: () => release?.() };
}

describe('a live message', () => {
  it('shows progress at most every two seconds and drops what comes in between', async () => {
    const { live, shown, tick, finish } = harness();
    live.progress('10%');
    tick(1_999);
    live.progress('20%');
    tick(1);
    live.progress('30%');
    await Promise.resolve();
    expect(shown).toEqual(['30%']);
    finish();
    tick(500);
    live.progress('40%');
    expect(shown).toEqual(['30%']);
  });

  it('shows the result only after the progress edit on its way, in order', async () => {
    const { live, shown, tick, finish } = harness();
    tick(2_000);
    live.progress('50%');
    const result = live.show('done');
    await settle();
    expect(shown).toEqual(['50%']);
    finish();
    await settle();
    expect(shown).toEqual(['50%', 'done']);
    finish();
    await result;
    live.progress('right after the result');
    await settle();
    expect(shown).toEqual(['50%', 'done']);
  });

  it('reports a failed progress edit without throwing, and still shows the result', async () => {
    let now = 0;
    const errors: unknown[] = [];
    const shown: string[] = [];
    const live = liveMessage(
      async (reply: string) => {
        if (reply === '10%') throw new Error('rate limited');
        shown.push(reply);
      },
      (error) => errors.push(error),
      () => now,
      2_000,
    );
    now = 2_000;
    live.progress('10%');
    await live.show('done');
    expect(errors).toHaveLength(1);
    expect(shown).toEqual(['done']);
  });
});

const settle = () => new Promise((resolve) => setImmediate(resolve));
