import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFileName, createExchange, FILE_NAME_MAX, fileName } from '../../bot/lab/exchange.js';

const execFileAsync = promisify(execFile);

describe('archive file names', () => {
  it.each([
    ['app.tar'],
    ['app.tar.gz'],
    ['my-app_1.2.tar'],
    ['A'.repeat(FILE_NAME_MAX - 4) + '.tar'],
  ])('accepts the bare name %s', (name) => {
    expect(checkFileName(name)).toEqual({ ok: true, value: name });
    expect(fileName.safeParse(name).success).toBe(true);
  });

  it.each([
    ['', 'lab.file.empty'],
    ['../x.tar', 'lab.file.path'],
    ['/etc/passwd', 'lab.file.path'],
    ['a/b.tar', 'lab.file.path'],
    ['a\\b.tar', 'lab.file.path'],
    ['..', 'lab.file.path'],
    ['x.txt', 'lab.file.extension'],
    ['app.tar.bak', 'lab.file.extension'],
    ['app.tgz', 'lab.file.extension'],
    ['app\0.tar', 'lab.file.nul'],
    ['x'.repeat(296) + '.tar', 'lab.file.tooLong'],
    ['x'.repeat(FILE_NAME_MAX - 3) + '.tar', 'lab.file.tooLong'],
    ['.hidden.tar', 'lab.file.hidden'],
    ['-rf.tar', 'lab.file.start'],
    ['_app.tar', 'lab.file.start'],
    ['my app.tar', 'lab.file.chars'],
    ['앱.tar', 'lab.file.chars'],
    ['$(reboot).tar', 'lab.file.chars'],
    ['app.tar;rm -rf', 'lab.file.chars'],
  ])('refuses %j as %s', (name, id) => {
    const checked = checkFileName(name);
    expect(checked.ok ? undefined : checked.error.id).toBe(id);
    const parsed = fileName.safeParse(name);
    expect(parsed.success ? undefined : parsed.error.issues[0]?.message).toBe(id);
  });

  it('shows a refused name without its control characters and cut short', () => {
    const checked = checkFileName(`evil\n${'x'.repeat(100)}`);
    expect(checked.ok).toBe(false);
    const shown = checked.ok ? '' : String(checked.error.vars?.file);
    expect(shown).not.toContain('\n');
    expect(shown.length).toBeLessThanOrEqual(60);
  });
});

describe('the exchange folder', () => {
  let base: string;
  let dir: string;

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'gorae-exchange-'));
    dir = join(base, 'exchange');
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('is created when it does not exist yet', async () => {
    const exchange = createExchange(join(dir, 'nested'));
    const slot = await exchange.slot('app.tar');
    expect(slot.ok && slot.value.exists).toBe(false);
    expect((await exchange.list()).ok).toBe(true);
  });

  it('opens an archive that is there and says which one is missing', async () => {
    await mkdir(dir);
    await writeFile(join(dir, 'app.tar'), 'tar bytes');
    const exchange = createExchange(dir);
    const opened = await exchange.open('app.tar');
    expect(opened.ok && opened.value.bytes).toBe(9);
    if (opened.ok) await opened.value.handle.close();
    expect(await exchange.open('gone.tar')).toEqual({
      ok: false,
      error: { id: 'lab.file.missing', vars: { file: 'gone.tar', dir } },
    });
  });

  it('refuses a link that leads outside the folder, for reading and for writing', async () => {
    await mkdir(dir);
    await writeFile(join(base, 'secret.tar'), 'outside');
    await symlink(join(base, 'secret.tar'), join(dir, 'out.tar'));
    await symlink('/etc/passwd', join(dir, 'passwd.tar'));
    const exchange = createExchange(dir);
    for (const name of ['out.tar', 'passwd.tar']) {
      const opened = await exchange.open(name);
      expect(opened.ok ? 'opened' : opened.error.id).toBe('lab.file.outside');
      const slot = await exchange.slot(name);
      expect(slot.ok ? 'writable' : slot.error.id).toBe('lab.file.outside');
    }
  });

  it('follows a link that stays inside the folder', async () => {
    await mkdir(join(dir, 'kept'), { recursive: true });
    await writeFile(join(dir, 'kept', 'real.tar'), 'inside');
    await symlink(join(dir, 'kept', 'real.tar'), join(dir, 'alias.tar'));
    const opened = await createExchange(dir).open('alias.tar');
    expect(opened.ok && opened.value.bytes).toBe(6);
    if (opened.ok) await opened.value.handle.close();
  });

  it('never waits on a FIFO swapped in for the archive or its checksum between the check and the open', async () => {
    const exchange = createExchange(dir);
    await exchange.root();
    await writeFile(join(dir, 'race.tar'), 'tar');
    await writeFile(join(dir, 'race.tar.sha256'), 'x');
    const swaps = ['race.tar', 'race.tar.sha256'].map((name) => join(dir, name));
    for (let round = 0; round < 40; round += 1) {
      for (const path of swaps) await writeFile(`${path}.new`, 'x').then(() => rename(`${path}.new`, path));
      const opening = Promise.all([exchange.open('race.tar'), exchange.readSidecar('race.tar')]);
      // Swapped while the jail resolves the names: whichever the open meets, it answers at once.
      await Promise.all(swaps.map((path) => execFileAsync('mkfifo', [`${path}.fifo`]).then(() => rename(`${path}.fifo`, path))));
      const settled = await Promise.race([opening, new Promise((resolve) => setTimeout(() => resolve('hung'), 2_000))]);
      expect(settled, `round ${round}`).not.toBe('hung');
      const [opened, sidecar] = settled as Awaited<typeof opening>;
      if (opened.ok) await opened.value.handle.close();
      expect([opened.ok || opened.error.id, sidecar.ok || sidecar.error.id].filter((id) => id !== true && id !== 'lab.file.notFile')).toEqual([]);
    }
    const [archive, companion] = await Promise.all([exchange.open('race.tar'), exchange.readSidecar('race.tar')]);
    expect([archive.ok ? 'opened' : archive.error.id, companion.ok ? 'read' : companion.error.id]).toEqual(['lab.file.notFile', 'lab.file.notFile']);
  });

  it('refuses a folder, a broken link and a companion checksum that leads outside', async () => {
    await mkdir(join(dir, 'folder.tar'), { recursive: true });
    await symlink(join(dir, 'nowhere'), join(dir, 'broken.tar'));
    await writeFile(join(dir, 'app.tar'), 'tar');
    await writeFile(join(base, 'elsewhere.sha256'), 'x');
    await symlink(join(base, 'elsewhere.sha256'), join(dir, 'app.tar.sha256'));
    const exchange = createExchange(dir);
    const folder = await exchange.open('folder.tar');
    expect(folder.ok ? 'opened' : folder.error.id).toBe('lab.file.notFile');
    const broken = await exchange.open('broken.tar');
    expect(broken.ok ? 'opened' : broken.error.id).toBe('lab.file.notFile');
    const sidecar = await exchange.readSidecar('app.tar');
    expect(sidecar.ok ? 'read' : sidecar.error.id).toBe('lab.file.outside');
  });

  it('refuses bad names before touching the disk', async () => {
    const exchange = createExchange(dir);
    for (const name of ['../x.tar', '/etc/passwd', 'a/b.tar', 'x.txt', 'a\0.tar', 'y'.repeat(300)]) {
      expect((await exchange.slot(name)).ok).toBe(false);
      expect((await exchange.open(name)).ok).toBe(false);
    }
  });

  it('lists only archives, newest first, leaving out hidden and temporary files', async () => {
    await mkdir(dir);
    await writeFile(join(dir, 'old.tar'), 'a');
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(join(dir, 'new.tar.gz'), 'bb');
    await writeFile(join(dir, 'new.tar.gz.sha256'), 'c');
    await writeFile(join(dir, '.new.tar.partial-abc'), 'd');
    await writeFile(join(dir, 'notes.txt'), 'e');
    const listed = await createExchange(dir).list();
    expect(listed.ok && listed.value.map((file) => [file.name, file.bytes])).toEqual([
      ['new.tar.gz', 2],
      ['old.tar', 1],
    ]);
  });

  it('names the folder when it cannot be created', async () => {
    await writeFile(join(base, 'plain-file'), '');
    const exchange = createExchange(join(base, 'plain-file', 'exchange'));
    const slot = await exchange.slot('app.tar');
    expect(slot.ok ? 'ok' : slot.error).toEqual({
      id: 'lab.file.folder',
      vars: { dir: join(base, 'plain-file', 'exchange'), reason: 'ENOTDIR' },
    });
  });
});
