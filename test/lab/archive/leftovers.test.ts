import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearLeftovers } from '../../../bot/lab/archive/leftovers.js';

/** The id of a process that has already ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

const lock = (pid: number, machine = hostname()) =>
  JSON.stringify({ action: 'save', file: 'x.tar', who: 'mina', since: '2026-11-22T10:00:00.000Z', pid, machine });

describe('clearing what a dead save left in the exchange folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gorae-leftovers-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('removes the locks and temporary files of gone processes and of this process’s previous life, and keeps the rest', async () => {
    const dead = await deadPid();
    const live = process.ppid;
    await writeFile(join(dir, '.busy-default.json'), lock(dead));
    // A restarted container: the same process id and host name as the process that took the lock.
    await writeFile(join(dir, '.busy-lab1.json'), lock(process.pid));
    await writeFile(join(dir, '.busy-lab2.json'), lock(live));
    await writeFile(join(dir, `.a.tar.partial-${dead}-0123456789ab`), 'half');
    await writeFile(join(dir, `.a.tar.sha256.partial-${dead}-0123456789ab`), 'half');
    await writeFile(join(dir, `.b.tar.previous-${process.pid}-0123456789ab`), 'old');
    await writeFile(join(dir, `.c.tar.partial-${live}-0123456789ab`), 'being written');
    await writeFile(join(dir, 'a.tar'), 'kept');

    const removed = await clearLeftovers(dir);
    expect(removed.sort()).toEqual(
      ['.busy-default.json', '.busy-lab1.json', `.a.tar.partial-${dead}-0123456789ab`, `.a.tar.sha256.partial-${dead}-0123456789ab`, `.b.tar.previous-${process.pid}-0123456789ab`].sort(),
    );
    expect((await readdir(dir)).sort()).toEqual(['.busy-lab2.json', `.c.tar.partial-${live}-0123456789ab`, 'a.tar'].sort());
  });

  it('leaves temporary files alone while another machine holds a lock on the folder', async () => {
    const dead = await deadPid();
    await writeFile(join(dir, '.busy-default.json'), lock(dead, 'another-machine'));
    await writeFile(join(dir, `.a.tar.partial-${dead}-0123456789ab`), 'maybe theirs');
    expect(await clearLeftovers(dir)).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['.a.tar.partial-' + dead + '-0123456789ab', '.busy-default.json'].sort());
  });

  it('does nothing to a folder that is not there yet', async () => {
    expect(await clearLeftovers(join(dir, 'missing'))).toEqual([]);
  });
});
