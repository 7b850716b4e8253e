import type { EventEmitter } from 'node:events';

/** What the chat reads typed lines from: a readline interface. */
export type LineSource = Pick<EventEmitter, 'on'>;

/**
 * Hands out typed messages one at a time, to the chat loop and to follow-up questions alike. With
 * `joinPastes` (a terminal), lines that arrive together were pasted together: a four-line error
 * message is one message, as the person sees it, not four questions. Piped input stays one per line.
 */
export function lineQueue(source: LineSource, joinPastes: boolean): () => Promise<string | undefined> {
  const waiting: Array<(message: string | undefined) => void> = [];
  const buffered: string[] = [];
  let closed = false;
  // The lines of a paste still arriving: a paste's lines come in one turn of the event loop.
  let pasting: string[] | undefined;
  const deliver = (message: string) => (waiting.length > 0 ? waiting.shift()!(message) : buffered.push(message));
  source.on('line', (line: string) => {
    if (!joinPastes) return deliver(line);
    if (pasting) return void pasting.push(line);
    pasting = [line];
    setImmediate(() => {
      const lines = pasting ?? [];
      pasting = undefined;
      deliver(lines.join('\n'));
    });
  });
  source.on('close', () => {
    const finish = () => {
      closed = true;
      for (const resolve of waiting.splice(0)) resolve(undefined);
    };
    // A paste ending the input is still read before the end.
    if (pasting) setImmediate(finish);
    else finish();
  });
  return () => {
    if (buffered.length > 0) return Promise.resolve(buffered.shift());
    if (closed) return Promise.resolve(undefined);
    return new Promise((resolve) => waiting.push(resolve));
  };
}
