import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileAuditLog } from '../../bot/audit.js';
import { systemClock } from '../../bot/core/clock.js';
import type { Lang } from '../../bot/core/lang.js';
import { createI18n } from '../../bot/i18n.js';
import { createEngine, type Engine } from '../../bot/lab/engine.js';
import { createExchange } from '../../bot/lab/exchange.js';
import { readHosts } from '../../bot/lab/hosts.js';
import { parseLab } from '../../bot/lab/parse.js';
import { runLab, type LabServices } from '../../bot/lab/run.js';
import { runLabCommand } from '../../bot/terminal/lab-command.js';
import { startPrivateEngine, type PrivateEngine } from '../support/docker-engine.js';
import { dockerAt } from '../support/docker-cli.js';
import { importBusybox, removeLabelled, testLabel } from '../support/lab-images.js';
import { capturedStreams } from '../support/terminal.js';

/*
 * Three engines: the engine project's own (`default`), a second private dockerd reached over tcp
 * (`second`), and a third that was started and then stopped (`stopped`).
 */
const dockerHost = inject('dockerHost');
const label = testLabel('whole');
const id = label.labelValue.slice(-8);
const tag = `gorae-whole-${id}:1`;
let base: string;
let second: PrivateEngine;
let stopped: PrivateEngine;
let proxy: Server;
let silent: Server;
const held: Socket[] = [];
let hostsLine: string;
let silentLine: string;

/** Engines as main builds them, each with its own call deadline. */
function enginesOf(line: string, callMs: number): Map<string, Engine> {
  const hosts = readHosts({ DOCKER_HOST: dockerHost, GORAE_HOSTS: line, GORAE_TLS_DIR: join(base, 'tls') });
  if (!hosts.ok) throw new Error(hosts.error.id);
  return new Map([...hosts.value].map(([name, spec]) => [name, createEngine(spec, callMs)]));
}

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'gorae-whole-'));
  [second, stopped] = await Promise.all([startPrivateEngine(), startPrivateEngine()]);
  const stoppedSocket = stopped.dockerHost.slice('unix://'.length);
  await stopped.stop();
  // The second engine over tcp, as a remote host would be reached.
  proxy = createServer((client) => {
    const engine = createConnection(second.dockerHost.slice('unix://'.length));
    held.push(client, engine);
    client.pipe(engine).pipe(client);
  });
  const proxyPort = await listen(proxy);
  // Accepts connections and never answers: only its own deadline ends the wait.
  silent = createServer((socket) => held.push(socket));
  const silentPort = await listen(silent);
  hostsLine = `second=tcp://127.0.0.1:${proxyPort},stopped=unix://${stoppedSocket}`;
  silentLine = `silent=tcp://127.0.0.1:${silentPort}`;
  await Promise.all([importBusybox(dockerHost, tag, label.labels), importBusybox(second.dockerHost, tag, label.labels)]);
  await dockerAt(dockerHost, ['create', '--label', label.label, '--name', `gorae-whole-${id}-a`, tag, 'true']);
  await dockerAt(second.dockerHost, ['create', '--label', label.label, '--name', `gorae-whole-${id}-b`, tag, 'true']);
}, 180_000);

afterAll(async () => {
  for (const socket of held) socket.destroy();
  proxy?.close();
  silent?.close();
  await removeLabelled(dockerHost, label.label);
  await second?.stop();
  await rm(base, { recursive: true, force: true });
});

async function run(line: string, services: LabServices) {
  const parsed = parseLab(line);
  if (!parsed.ok) throw new Error(parsed.error.id);
  return runLab(parsed.value.action, services, { who: 'tester' });
}

const servicesOf = (engines: Map<string, Engine>): LabServices => ({ engines, exchange: createExchange(join(base, 'exchange')), clock: systemClock });

describe('the whole lab at a glance', () => {
  it('lists the containers of every host in one table, HOST first, and names the stopped host with its reason', async () => {
    const result = await run(`ps -a --filter name=gorae-whole-${id} --host all`, servicesOf(enginesOf(hostsLine, 5_000)));
    if (!result.ok || result.value.action !== 'ps') throw new Error(JSON.stringify(result));
    const { rows, table, unanswered, host } = result.value;
    expect(host).toBe('all');
    expect(rows.map((row) => [row.host, row.names])).toEqual([
      ['default', `gorae-whole-${id}-a`],
      ['second', `gorae-whole-${id}-b`],
    ]);
    const lines = table.text.split('\n');
    expect(lines[0]).toMatch(/^HOST {6}CONTAINER ID {3}IMAGE/);
    expect(lines[1]).toMatch(new RegExp(`^default +[0-9a-f]{12} +${tag.replace('.', '\\.')} .*gorae-whole-${id}-a$`));
    expect(lines[2]).toMatch(new RegExp(`^second +[0-9a-f]{12} .*gorae-whole-${id}-b$`));
    expect(unanswered).toEqual([{ id: 'lab.engine.unreachable', vars: { host: 'stopped', address: expect.stringContaining('docker.sock'), reason: expect.any(String) } }]);
  });

  it('lists the images of every host, each row with the host it is on', async () => {
    const result = await run('images --host all', servicesOf(enginesOf(hostsLine, 5_000)));
    if (!result.ok || result.value.action !== 'images') throw new Error(JSON.stringify(result));
    const ours = result.value.rows.filter((row) => `${row.repository}:${row.tag}` === tag).map((row) => row.host);
    expect(ours).toEqual(['default', 'second']);
    expect(result.value.table.text.split('\n')[0]).toMatch(/^HOST {6}REPOSITORY +TAG/);
    expect(result.value.unanswered.map((failure) => failure.vars?.host)).toEqual(['stopped']);
  });

  it('waits for a silent host only as long as its own deadline, and keeps the answers of the others', async () => {
    const engines = enginesOf(`${hostsLine},${silentLine}`, 1_500);
    const began = Date.now();
    const result = await run(`ps -a --filter name=gorae-whole-${id} --host all`, servicesOf(engines));
    const took = Date.now() - began;
    if (!result.ok || result.value.action !== 'ps') throw new Error(JSON.stringify(result));
    expect(result.value.rows.map((row) => row.host)).toEqual(['default', 'second']);
    expect(result.value.unanswered).toEqual([
      expect.objectContaining({ id: 'lab.engine.unreachable', vars: expect.objectContaining({ host: 'stopped' }) }),
      { id: 'lab.engine.timeout', vars: { host: 'silent', seconds: 2 } },
    ]);
    expect(took).toBeLessThan(4_000);
  });

  it('still answers a single host as before: its failure is the whole answer', async () => {
    const result = await run('ps --host stopped', servicesOf(enginesOf(hostsLine, 5_000)));
    expect(result.ok || result.error).toMatchObject({ id: 'lab.engine.unreachable', vars: { host: 'stopped' } });
  });

  describe('in the terminal', () => {
    async function gorae(argv: string[], lang: Lang) {
      const { stdin, stdout, stderr, out, err } = capturedStreams();
      const code = await runLabCommand(argv, {
        i18n: createI18n(),
        uiLang: lang,
        lab: servicesOf(enginesOf(hostsLine, 5_000)),
        audit: fileAuditLog(join(base, 'audit.jsonl')),
        who: 'tester@lab',
        stdin,
        stdout,
        stderr,
      });
      return { code, out: out(), err: err() };
    }

    it('prints one table and, under it, the host that did not answer and why, in English and Korean', async () => {
      const en = await gorae(['ps', '-a', '--filter', `name=gorae-whole-${id}`, '--host', 'all'], 'en');
      expect(en.code).toBe(0);
      expect(en.out.split('\n').slice(1, 3).map((line) => line.split(' ')[0])).toEqual(['default', 'second']);
      expect(en.err).toMatch(/^Not in the table \(1 of 3 hosts did not answer\):\n {2}stopped: Gorae can't reach the Docker Engine of the host "stopped" at \S+docker\.sock/);
      const ko = await gorae(['images', '--host', 'all'], 'ko');
      expect(ko.code).toBe(0);
      expect(ko.out.split('\n')[0]).toMatch(/^HOST {6}REPOSITORY/);
      expect(ko.err).toMatch(/^표에 없는 호스트 \(3개 중 1개가 응답하지 않았어요\):\n {2}stopped: /);
    });

    it('adds the host to each JSON line', async () => {
      const json = await gorae(['ps', '-a', '--filter', `name=gorae-whole-${id}`, '--host', 'all', '--json'], 'en');
      const rows = json.out.trim().split('\n').map((line) => JSON.parse(line) as { host: string; names: string[] });
      expect(rows.map((row) => [row.host, row.names])).toEqual([
        ['default', [`gorae-whole-${id}-a`]],
        ['second', [`gorae-whole-${id}-b`]],
      ]);
    });

    it('audits the attempt like any other, and the outcome names the host that did not answer', async () => {
      const before = await readFile(join(base, 'audit.jsonl'), 'utf8').catch(() => '');
      await gorae(['images', '--host', 'all'], 'en');
      const lines = (await readFile(join(base, 'audit.jsonl'), 'utf8')).slice(before.length).trim().split('\n').map((line) => JSON.parse(line));
      expect(lines.map((line) => [line.phase, line.outcome, line.action, line.arguments.host])).toEqual([
        ['attempt', 'started', 'images', 'all'],
        ['outcome', 'ran', 'images', 'all'],
      ]);
      expect(lines[1].details).toEqual({ 'unanswered.stopped': 'lab.engine.unreachable' });
    });

    it('refuses --host all for save and load: they run on one host', async () => {
      const refused = await gorae(['save', tag, '--host', 'all'], 'en');
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('--host all works with ps and images only');
    });
  });
});
