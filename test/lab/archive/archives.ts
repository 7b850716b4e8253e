import { extract, pack, type Header } from 'tar-stream';
import { header } from '../../../bot/lab/archive/canonical.js';

/** What a test sets of an entry's header; tar-stream fills in the rest. */
export type EntryHeader = Pick<Header, 'name'> & Partial<Header>;

/** The regular files of an archive, in order, with their contents. */
export async function entriesOf(archive: Buffer): Promise<Array<[string, Buffer]>> {
  const entries: Array<[string, Buffer]> = [];
  const reader = extract();
  const done = new Promise<void>((resolve, reject) => {
    reader.on('entry', (found, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
      stream.on('end', () => {
        if (found.type === 'file') entries.push([found.name, Buffer.concat(chunks)]);
        next();
      });
    });
    reader.on('finish', resolve);
    reader.on('error', reject);
  });
  reader.end(archive);
  await done;
  return entries;
}

/** A tar of these entries, written by tar-stream (a name, or a whole header for links and folders). */
export async function tarOf(entries: ReadonlyArray<readonly [string | EntryHeader, Buffer?]>): Promise<Buffer> {
  const archive = pack();
  for (const [entry, content] of entries) archive.entry(typeof entry === 'string' ? { name: entry } : (entry as Header), content ?? Buffer.alloc(0));
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * One entry as raw blocks, for headers tar-stream would never write: `patch` edits the header
 * (type flag, prefix field, GNU magic) before its checksum is set again.
 */
export function rawEntry(name: string, body: Buffer, patch: (block: Buffer) => void = () => undefined): Buffer {
  const block = header({ name, type: 'file', size: body.length, link: '' });
  patch(block);
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return Buffer.concat([block, body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
}

/** A PAX extended header carrying `records`, as raw blocks. */
export function paxEntry(records: Readonly<Record<string, string>>): Buffer {
  const body = Buffer.from(
    Object.entries(records)
      .map(([key, value]) => {
        const text = ` ${key}=${value}\n`;
        let length = text.length + 1;
        while (`${length}${text}`.length !== length) length += 1;
        return `${length}${text}`;
      })
      .join(''),
  );
  return rawEntry('PaxHeaders/x', body, (block) => block.write('x', 156, 'latin1'));
}

export const END = Buffer.alloc(1024);
