import { randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pack } from 'tar-stream';
import { startImport } from './docker-cli.js';

/**
 * Imports an image whose one layer holds busybox and `megabytes` of random (incompressible) data,
 * streamed straight into `docker import` so even a 300 MB image costs no memory or temp file.
 * (Small images without the random layer: importBusybox in lab-images.ts.)
 */
export async function importRandomImage(
  dockerHost: string,
  tag: string,
  megabytes: number,
  labels: Readonly<Record<string, string>> = {},
): Promise<string> {
  if (!Number.isInteger(megabytes) || megabytes < 1) throw new Error('importRandomImage needs at least 1 MB; use importBusybox for a small image');
  const archive = pack();
  const changes = ['CMD ["/bin/busybox", "sh"]', ...Object.entries(labels).map(([key, value]) => `LABEL ${key}=${value}`)];
  const imported = startImport(dockerHost, tag, changes);
  archive.pipe(imported.stdin);

  archive.entry({ name: 'bin', type: 'directory', mode: 0o755 });
  archive.entry({ name: 'bin/busybox', mode: 0o755 }, readFileSync('/bin/busybox'));
  const size = megabytes << 20;
  let entry!: ReturnType<typeof archive.entry>;
  const written = new Promise<void>((resolve, reject) => {
    entry = archive.entry({ name: 'random.bin', size, mode: 0o644 }, (error) => (error ? reject(error) : resolve()));
  });
  const block = 1 << 20;
  for (let left = size; left > 0; left -= block) {
    const piece = randomFillSync(Buffer.allocUnsafe(block));
    if (left === block) entry.end(piece);
    else if (!entry.write(piece)) await new Promise<void>((resolve) => entry.once('drain', () => resolve()));
  }
  await written;
  archive.finalize();
  return imported.done;
}
