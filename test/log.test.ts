import { describe, expect, it } from 'vitest';
import { createLogger } from '../bot/log.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GoRaE1.a-secret-that-must-never-be-logged';

function capture(secrets: string[] = [TOKEN]) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', secrets, destination: { write: (line) => void lines.push(line) } });
  return { logger, lines };
}

describe('the logger', () => {
  it('writes one JSON object per line', () => {
    const { logger, lines } = capture();
    logger.info({ guilds: 1 }, 'connected to Discord');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, name: 'gorae', guilds: 1, msg: 'connected to Discord' });
  });

  it('scrubs the token wherever it appears: fields, messages, error text', () => {
    const { logger, lines } = capture();
    logger.info({ url: `wss://gateway?token=${TOKEN}` }, `login with ${TOKEN}`);
    logger.error({ err: new Error(`401 for token ${TOKEN}`) }, 'failed');
    const output = lines.join('');
    expect(output).not.toContain(TOKEN);
    expect(output.match(/\[secret\]/g)).toHaveLength(4);
  });

  it('keeps Discord’s error code and status but not the request body', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('Invalid Form Body'), { code: 50035, status: 400, method: 'POST', requestBody: { json: { content: 'private' } } });
    logger.error({ err: error }, 'reply failed');
    const logged = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(logged.err).toMatchObject({ type: 'Error', message: 'Invalid Form Body', code: 50035, status: 400, method: 'POST' });
    expect(lines[0]).not.toContain('private');
  });

  it('ignores missing or too short secrets instead of scrubbing every short word', () => {
    const { logger, lines } = capture(['', 'ab']);
    logger.info('about the lab');
    expect(JSON.parse(lines[0]!).msg).toBe('about the lab');
  });
});
