import { describe, expect, it } from 'vitest';
import { createI18n, explain, translator } from '../../bot/i18n.js';
import { attemptedAction, isCommandLine, parseLab, splitWords } from '../../bot/lab/parse.js';

describe('lines Gorae accepts', () => {
  it.each([
    ['docker ps', { action: 'ps', all: false }],
    ['docker ps -a', { action: 'ps', all: true }],
    ['ps --all', { action: 'ps', all: true }],
    ['docker container ls', { action: 'ps', all: false }],
    ['container list --all', { action: 'ps', all: true }],
    ['ps -a --filter name=web --filter status=exited', { action: 'ps', all: true, name: ['web'], state: ['exited'] }],
    ['ps -f "name=web"', { action: 'ps', all: false, name: ['web'] }],
    ['ps --name web --state paused', { action: 'ps', all: false, name: ['web'], state: ['paused'] }],
    ['ps --filter status=running --filter status=paused -f name=^web -f name=db', { action: 'ps', all: false, name: ['^web', 'db'], state: ['running', 'paused'] }],
    ['images', { action: 'images', all: false, dangling: false }],
    ['images --dangling', { action: 'images', all: false, dangling: true }],
    ['docker image ls -a', { action: 'images', all: true, dangling: false }],
    ['images -f dangling=true', { action: 'images', all: false, dangling: true }],
    ['save app:1 other:2 --file x.tar --gzip --force', { action: 'save', images: ['app:1', 'other:2'], file: 'x.tar', gzip: true, force: true }],
    ['docker image save -o app.tar.gz -z app:1', { action: 'save', images: ['app:1'], file: 'app.tar.gz', gzip: true, force: false }],
    ['save registry.example.com:5000/team/app:1.0 --file=app.tar', { action: 'save', images: ['registry.example.com:5000/team/app:1.0'], file: 'app.tar', gzip: false, force: false }],
    ['load x.tar --yes', { action: 'load', file: 'x.tar', yes: true }],
    ['docker load -i x.tar.gz', { action: 'load', file: 'x.tar.gz', yes: false }],
    ['ps --host lab2', { action: 'ps', all: false, host: 'lab2' }],
    ['images --host=lab-1 -a', { action: 'images', all: true, dangling: false, host: 'lab-1' }],
    ['load x.tar -y --host lab2', { action: 'load', file: 'x.tar', yes: true, host: 'lab2' }],
  ])('reads "%s"', (line, action) => {
    expect(parseLab(line)).toEqual({ ok: true, value: { action, json: false } });
  });

  it('takes a shell operator inside quotes, or in argv a shell already split, as part of a name filter', () => {
    expect(parseLab('ps --filter "name=a;b"')).toEqual({ ok: true, value: { action: { action: 'ps', all: false, name: ['a;b'] }, json: false } });
    expect(parseLab("ps --name 'web|db & more'")).toEqual({ ok: true, value: { action: { action: 'ps', all: false, name: ['web|db & more'] }, json: false } });
    expect(parseLab(['ps', '--filter', 'name=a;b'])).toEqual({ ok: true, value: { action: { action: 'ps', all: false, name: ['a;b'] }, json: false } });
    expect(parseLab('ps --filter name=a;b')).toEqual({ ok: false, error: { id: 'lab.parse.unsafe', vars: { char: ';' } } });
    expect(parseLab('save "app:1;rm"')).toMatchObject({ ok: false, error: { id: 'lab.parse.reference.format' } });
  });

  it('reads argv the same way, with --json for the terminal', () => {
    expect(parseLab(['ps', '--all', '--json'])).toEqual({ ok: true, value: { action: { action: 'ps', all: true }, json: true } });
    expect(parseLab(['save', 'app:1', '--file', 'app.tar'])).toEqual({
      ok: true,
      value: { action: { action: 'save', images: ['app:1'], file: 'app.tar', gzip: false, force: false }, json: false },
    });
  });
});

describe('what an attempt asked for, for the audit log', () => {
  it('is the action, an operator written onto it aside, and never a word after the operator', () => {
    expect(attemptedAction('docker ps; rm -rf /')).toBe('ps');
    expect(attemptedAction('ps| sh')).toBe('ps');
    expect(attemptedAction('docker; reboot')).toBe('docker');
    expect(attemptedAction(';')).toBe(';');
  });
});

describe('a name filter written as a pattern', () => {
  it("keeps a $ that ends it, which no shell expands, in a line, in quotes and in argv", () => {
    const action = { ok: true, value: { action: { action: 'ps', all: false, name: ['^web$'] }, json: false } };
    expect(parseLab('ps --filter name=^web$')).toEqual(action);
    expect(parseLab("ps --filter 'name=^web$'")).toEqual(action);
    expect(parseLab('ps --filter "name=^web$"')).toEqual(action);
    expect(parseLab(['ps', '--filter', 'name=^web$'])).toEqual(action);
  });

  it('keeps a $ before | too, where no shell expands it', () => {
    const action = { ok: true, value: { action: { action: 'ps', all: false, name: ['^web$|^db$'] }, json: false } };
    expect(parseLab("ps --filter 'name=^web$|^db$'")).toEqual(action);
    expect(parseLab(['ps', '--filter', 'name=^web$|^db$'])).toEqual(action);
  });

  it('still refuses a $ that would expand: before a name, a parenthesis or an opening quote', () => {
    for (const line of ['ps --filter name=$HOME', 'ps --filter "name=$(id)"', "ps --filter name=$'x'"]) {
      expect(parseLab(line), line).toMatchObject({ ok: false, error: { id: 'lab.parse.unsafe', vars: { char: '$' } } });
    }
    expect(parseLab(['ps', '--filter', 'name=$x'])).toMatchObject({ ok: false, error: { id: 'lab.parse.unsafe' } });
  });
});

describe('a mistyped action', () => {
  it.each([
    ['sve app:1', 'save'],
    ['docker imgaes', 'images'],
    ['lod x.tar', 'load'],
    ['docker pss -a', 'ps'],
  ])('reads "%s" as %s mistyped, refusing it all the same', (line, meant) => {
    expect(parseLab(line)).toEqual({ ok: false, error: { id: 'lab.parse.actionTypo', vars: { action: line.replace(/^docker /, '').split(' ')[0], meant } } });
  });

  it('takes no other command for one: rm, stop and PS are further from every action, vs and os too short, image a command group of its own', () => {
    for (const line of ['rm web', 'stop web', 'PS', 'docker vs podman', 'docker os', 'docker image']) {
      expect(parseLab(line), line).toMatchObject({ ok: false, error: { id: 'lab.parse.action' } });
    }
  });
});

describe('lines Gorae refuses', () => {
  it.each([
    ['', 'lab.parse.empty'],
    ['docker', 'lab.parse.empty'],
    ['docker rm web', 'lab.parse.action'],
    ['rm -rf /', 'lab.parse.action'],
    ['run busybox', 'lab.parse.action'],
    ['docker exec -it web sh', 'lab.parse.action'],
    ['container rm web', 'lab.parse.action'],
    ['image rm app:1', 'lab.parse.action'],
    ['system prune -af', 'lab.parse.action'],
    ['PS', 'lab.parse.action'],
    ['; rm -rf /', 'lab.parse.unsafe'],
    ['ps; rm -rf /', 'lab.parse.unsafe'],
    ['ps && rm -rf /', 'lab.parse.unsafe'],
    ['ps $(rm -rf /)', 'lab.parse.unsafe'],
    ['ps `rm -rf /`', 'lab.parse.unsafe'],
    ['ps "`id`"', 'lab.parse.unsafe'],
    ["save '$(id)'", 'lab.parse.unsafe'],
    ['ps | sh', 'lab.parse.unsafe'],
    ['ps > /etc/passwd', 'lab.parse.unsafe'],
    ['load < x.tar', 'lab.parse.unsafe'],
    ['ps\nrm -rf /', 'lab.parse.unsafe'],
    ['ps \\\nrm', 'lab.parse.unsafe'],
    ['ps $HOME', 'lab.parse.unsafe'],
    ['ps "unclosed', 'lab.parse.quote'],
    ['ps --bogus', 'lab.parse.flag'],
    ['ps --filter name=', 'lab.parse.name'],
    ['ps -aq', 'lab.parse.flag'],
    ['ps --all=maybe', 'lab.parse.flag'],
    ['images --gzip', 'lab.parse.flag'],
    ['save app:1 --yes', 'lab.parse.flag'],
    ['ps --host', 'lab.parse.value'],
    ['save app:1 --file', 'lab.parse.value'],
    ['ps web', 'lab.parse.argument'],
    ['images app', 'lab.parse.argument'],
    ['load a.tar b.tar', 'lab.parse.argument'],
    ['ps --filter label=x', 'lab.parse.filter'],
    ['images --filter dangling=false', 'lab.parse.filter'],
    ['ps --filter status=sleeping', 'lab.parse.state'],
    ['ps --host "../etc"', 'lab.parse.host'],
    ['save', 'lab.parse.missing.images'],
    ['load', 'lab.parse.missing.file'],
    ['load ../secret.tar', 'lab.file.path'],
    ['load /etc/passwd', 'lab.file.path'],
    ['load x.txt', 'lab.file.extension'],
    ['save app:1 --file .hidden.tar', 'lab.file.hidden'],
    ['save App:1', 'lab.parse.reference.uppercase'],
    ['save app:1 --file -rf.tar', 'lab.file.start'],
    ['load _x.tar', 'lab.file.start'],
    [`save x@md5:${'0'.repeat(32)}`, 'lab.parse.reference.digest'],
    [`save x@sha256:${'0'.repeat(63)}`, 'lab.parse.reference.digest'],
    [`save x@sha256:${'A'.repeat(64)}`, 'lab.parse.reference.digest'],
    [`save a:${'0'.repeat(40_000)}`, 'lab.parse.reference.format'],
    [`save x@sha512:${'0'.repeat(64)}`, 'lab.parse.reference.digest'],
  ])('refuses "%s" with %s', (line, id) => {
    const parsed = parseLab(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.id).toBe(id);
  });

  it('refuses shell characters inside argv words as well', () => {
    const parsed = parseLab(['ps', '--filter', 'name=$(id)']);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toEqual({ id: 'lab.parse.unsafe', vars: { char: '$' } });
  });

  it('names what was refused and lists the allowed actions, in English and Korean', () => {
    const i18n = createI18n();
    const refused = parseLab('docker rm web');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    const en = explain(translator(i18n, 'en'), refused.error);
    const ko = explain(translator(i18n, 'ko'), refused.error);
    for (const text of [en, ko]) {
      expect(text).toContain('"rm"');
      for (const action of ['ps [-a]', 'images [-a] [--dangling]', 'save ', 'load ']) expect(text).toContain(action);
    }
    expect(ko).toContain('고래');
  });
});

describe('the word splitter', () => {
  it('groups quoted words and keeps empty quotes as a word, expanding nothing', () => {
    expect(splitWords(`save 'a:1'  "b:2" ''`)).toEqual({ ok: true, value: ['save', 'a:1', 'b:2', ''] });
    expect(splitWords('ps -f "name=web app"')).toEqual({ ok: true, value: ['ps', '-f', 'name=web app'] });
  });
});

describe('telling commands from questions in the chat', () => {
  it.each(['docker ps -a', 'docker rm web', 'docker stop web db', 'images', 'save app:1', 'ps', 'ps --bogus', 'ps && rm -rf /', 'docker ps; rm -rf /', 'docker ps -a | grep a', 'docker images | grep -v the', 'load app.tar'])('treats "%s" as a command', (line) => {
    expect(isCommandLine(line)).toBe(true);
  });

  it.each(['docker ps가 뭐야?', 'what does docker ps do?', 'how do I save an image', '도커 이미지 저장은 어떻게 해요', '', 'images in docker', 'load balancing', 'ps vs top', 'docker ps not showing my container', 'docker images not listing anything', "docker run hello-world doesn't work", 'docker compose up ignores my env file', 'docker stop doesnt stop my container', 'docker build keeps failing', 'docker compose up hangs forever', 'docker save vs docker load', 'docker save vs export', 'save or export', 'docker compose up vs docker run', 'docker images and docker ps difference', 'save lab/tool:1.0 to a tar file', 'save lab/tool:1.0 please', 'save lab/tool:1.0 as tool.tar', 'save the image', 'docker vs kubernetes', 'docker or podman'])(
    'treats "%s" as a question',
    (line) => {
      expect(isCommandLine(line)).toBe(false);
    },
  );
});
