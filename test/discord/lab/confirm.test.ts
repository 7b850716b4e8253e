import { describe, expect, it } from 'vitest';
import { Confirmations } from '../../../bot/discord/lab/confirm.js';

const alex = { id: '1', name: 'alex' };

describe('a load’s question', () => {
  it('belongs to the person who asked until they answer', async () => {
    const questions = new Confirmations();
    const { token, answer } = questions.ask(alex, 60_000);
    expect(questions.owner(token)).toEqual(alex);
    questions.settle(token, 'yes');
    expect(await answer).toBe('yes');
    expect(questions.owner(token)).toBeUndefined();
  });

  it('counts silence as no', async () => {
    const { answer } = new Confirmations().ask(alex, 10);
    expect(await answer).toBe('timeout');
  });
});
