import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lineQueue } from '../../bot/terminal/line-queue.js';

/** Lines emitted in one go, as readline emits the lines of one chunk of input. */
const emitAll = (source: EventEmitter, lines: readonly string[]) => lines.forEach((line) => source.emit('line', line));
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('reading typed lines', () => {
  it('reads the lines of one paste at a terminal as one message, and lines typed apart as messages of their own', async () => {
    const source = new EventEmitter();
    const next = lineQueue(source, true);
    const first = next();
    emitAll(source, ['$ docker compose up', '[+] Running 1/2', 'Error response from daemon: failed to create task for container: exec: "bash": executable file not found in $PATH']);
    expect(await first).toBe('$ docker compose up\n[+] Running 1/2\nError response from daemon: failed to create task for container: exec: "bash": executable file not found in $PATH');
    await tick();
    source.emit('line', 'run vs start?');
    await tick();
    source.emit('line', '2');
    expect(await next()).toBe('run vs start?');
    expect(await next()).toBe('2');
  });

  it('reads piped input one line per message', async () => {
    const source = new EventEmitter();
    const next = lineQueue(source, false);
    emitAll(source, ['run vs start?', '2', '/quit']);
    expect([await next(), await next(), await next()]).toEqual(['run vs start?', '2', '/quit']);
  });

  it('still reads a paste that ends the input, then says the input ended', async () => {
    const source = new EventEmitter();
    const next = lineQueue(source, true);
    emitAll(source, ['line one', 'line two']);
    source.emit('close');
    expect(await next()).toBe('line one\nline two');
    expect(await next()).toBeUndefined();
  });
});
