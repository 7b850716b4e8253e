import { describe, expect, it } from 'vitest';
import { CONTAINER_STATES, LAB_ACTIONS, checkLabAction, imageRef, labActionSchema } from '../../bot/lab/actions.js';
import { familiarName, parseNormalizedNamed } from '../../bot/lab/reference.js';

const ID = '01aeed8c9cd87ad81d7bd9b9c98f2da699e245cfbf7ae67ef323a9cb43e32fe2';

describe('the whitelist', () => {
  it('is exactly ps, images, save and load', () => {
    expect(LAB_ACTIONS).toEqual(['ps', 'images', 'save', 'load']);
    expect(labActionSchema.options.map((option) => option.shape.action.value).sort()).toEqual([...LAB_ACTIONS].sort());
  });

  it('refuses any other action name', () => {
    for (const action of ['run', 'rm', 'exec', 'rmi', 'system', 'PS', '']) {
      expect(labActionSchema.safeParse({ action }).success).toBe(false);
    }
  });

  it('fills in defaults and keeps only known states', () => {
    expect(labActionSchema.parse({ action: 'ps' })).toEqual({ action: 'ps', all: false });
    expect(labActionSchema.parse({ action: 'ps', state: 'paused' }), 'a slash option gives one').toEqual({ action: 'ps', all: false, state: ['paused'] });
    expect(labActionSchema.parse({ action: 'ps', state: ['paused', 'exited'] })).toEqual({ action: 'ps', all: false, state: ['paused', 'exited'] });
    expect(labActionSchema.safeParse({ action: 'ps', state: 'sleeping' }).success).toBe(false);
    expect(CONTAINER_STATES).toContain('restarting');
  });
});

describe('image references, by Docker\'s grammar', () => {
  it.each([
    'busybox',
    'busybox:latest',
    'app:1.0-rc_2',
    'app:V1',
    'team/app:1',
    'a/b/c/d',
    'my__app',
    'my--app',
    'registry.example.com/team/app:1.0',
    'registry.example.com:5000/app',
    'localhost/app:1',
    'localhost:5000/app:1',
    '[::1]:5000/app:1',
    '10.0.0.5:5000/app',
    `app@sha256:${ID}`,
    `app:1@sha256:${ID}`,
    `sha256:${ID}`,
    ID,
    '01aeed8c9cd8',
    `app:${'t'.repeat(128)}`,
  ])('accepts %s', (reference) => {
    expect(imageRef.safeParse(reference).success).toBe(true);
  });

  it.each([
    ['', 'lab.parse.reference.empty'],
    ['App', 'lab.parse.reference.uppercase'],
    ['team/App:1', 'lab.parse.reference.uppercase'],
    ['Registry.example.com/App', 'lab.parse.reference.uppercase'],
    ['app:', 'lab.parse.reference.format'],
    [':1', 'lab.parse.reference.format'],
    ['app::1', 'lab.parse.reference.format'],
    ['app:-1', 'lab.parse.reference.format'],
    ['app:.1', 'lab.parse.reference.format'],
    [`app:${'t'.repeat(129)}`, 'lab.parse.reference.format'],
    ['a..b', 'lab.parse.reference.format'],
    ['a___b', 'lab.parse.reference.format'],
    ['-app', 'lab.parse.reference.format'],
    ['app-', 'lab.parse.reference.format'],
    ['app/', 'lab.parse.reference.format'],
    ['/app', 'lab.parse.reference.format'],
    ['a//b', 'lab.parse.reference.format'],
    ['app name', 'lab.parse.reference.format'],
    ['고래:1', 'lab.parse.reference.format'],
    ['app@sha256:abc', 'lab.parse.reference.format'],
    ['app:1;rm', 'lab.parse.reference.format'],
    ['../../etc/passwd', 'lab.parse.reference.format'],
    ['http://registry/app', 'lab.parse.reference.format'],
    [`${'a'.repeat(256)}`, 'lab.parse.reference.tooLong'],
  ])('refuses "%s" with %s, naming it', (reference, id) => {
    const parsed = imageRef.safeParse(reference);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.message).toBe(id);
    expect((issue as { params?: { reference?: string } }).params?.reference).toBe(reference.length > 80 ? `${reference.slice(0, 79)}…` : reference);
  });

  it('shows images by their familiar names, as the CLI does', () => {
    const named = (text: string) => {
      const parsed = parseNormalizedNamed(text);
      if (!parsed.ok) throw new Error(parsed.problem);
      return familiarName(parsed.named);
    };
    expect(named('docker.io/library/busybox:1')).toBe('busybox');
    expect(named('index.docker.io/team/app')).toBe('team/app');
    expect(named('library/busybox')).toBe('busybox');
    expect(named('registry.example.com/library/busybox')).toBe('registry.example.com/library/busybox');
  });
});

describe('the one check every front passes', () => {
  it('turns a draft into the action, with defaults filled in', () => {
    expect(checkLabAction({ action: 'ps', name: 'web', host: 'all' })).toEqual({ ok: true, value: { action: 'ps', all: false, name: ['web'], host: 'all' } });
    expect(checkLabAction({ action: 'load', file: 'app.tar' })).toEqual({ ok: true, value: { action: 'load', file: 'app.tar', yes: false } });
  });

  it('takes any printable name filter as docker does, shell characters included', () => {
    for (const name of ['a;b', 'web|db', '$(id)', 'a && b', '`x`', '고래']) {
      expect(checkLabAction({ action: 'ps', name }), name).toEqual({ ok: true, value: { action: 'ps', all: false, name: [name] } });
    }
  });

  it.each([
    [{ action: 'rm' }, { id: 'lab.parse.action', vars: { action: 'rm' } }],
    [{ action: 'ps', name: 'a\nb' }, { id: 'lab.parse.name', vars: { name: 'a\ufffdb' } }],
    [{ action: 'ps', name: 'x'.repeat(129) }, { id: 'lab.parse.name' }],
    [{ action: 'ps', state: 'sleeping' }, { id: 'lab.parse.state' }],
    [{ action: 'ps', name: 'web(' }, { id: 'lab.parse.namePattern', vars: { name: 'web(' } }],
    [{ action: 'ps', name: '(a|aa)+b' }, { id: 'lab.parse.namePattern' }],
    [{ action: 'ps', name: '(.*.*)*z' }, { id: 'lab.parse.namePattern' }],
    [{ action: 'ps', name: '.*.*.*z' }, { id: 'lab.parse.namePattern' }],
    [{ action: 'ps', name: `${'(.|.)'.repeat(25)}!` }, { id: 'lab.parse.namePattern' }],
    [{ action: 'ps', name: '(a)b\\1' }, { id: 'lab.parse.namePattern' }],
    [{ action: 'ps', name: '(?i)web' }, { id: 'lab.parse.namePattern' }],
    [{ action: 'ps', state: Array.from({ length: 17 }, () => 'exited') }, { id: 'lab.parse.tooManyFilters' }],
    [{ action: 'ps', host: '../etc' }, { id: 'lab.parse.host', vars: { host: '../etc' } }],
    [{ action: 'save', images: ['app:1'], host: 'all' }, { id: 'lab.parse.hostAll' }],
    [{ action: 'save', images: [] }, { id: 'lab.parse.missing.images' }],
    [{ action: 'save', images: ['App:1'] }, { id: 'lab.parse.reference.uppercase' }],
    [{ action: 'save', images: ['app:1'], file: '../x.tar' }, { id: 'lab.file.path' }],
    [{ action: 'load', file: 'x.txt' }, { id: 'lab.file.extension' }],
    [{ action: 'images', all: 'yes' }, { id: 'lab.parse.invalid', vars: { action: 'images' } }],
  ])('refuses %j with a translatable reason', (draft, failure) => {
    const checked = checkLabAction(draft);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatchObject(failure);
  });
});
