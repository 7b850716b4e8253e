import { styleText } from 'node:util';

export type Paint = (format: 'bold' | 'dim' | 'cyan' | 'yellow' | 'green' | 'red', text: string) => string;

/** Colours only for a terminal that shows them; pipes and NO_COLOR get plain text. */
export function paintFor(stream: NodeJS.WriteStream | NodeJS.WritableStream): Paint {
  const tty = 'isTTY' in stream && stream.isTTY === true;
  if (!tty || process.env.NO_COLOR) return (_format, text) => text;
  return (format, text) => styleText(format, text);
}
