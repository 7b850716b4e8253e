import { describe, expect, it } from 'vitest';
import { createI18n, explain, translator } from '../../bot/i18n.js';
import { createEngine } from '../../bot/lab/engine.js';
import { addressOf } from '../../bot/lab/engine-connection.js';
import { DEFAULT_HOST, readHosts } from '../../bot/lab/hosts.js';

const t = translator(createI18n(), 'en');
const refused = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

function hostsOf(sources: { DOCKER_HOST?: string; GORAE_HOSTS?: string }) {
  const hosts = readHosts({ GORAE_TLS_DIR: '/nonexistent/gorae-tls', ...sources });
  if (!hosts.ok) throw new Error(hosts.error.id);
  return hosts.value;
}

describe('an engine that cannot be reached', () => {
  it('is named by the socket tried, /var/run/docker.sock when DOCKER_HOST is unset', () => {
    const engine = createEngine(hostsOf({}).get(DEFAULT_HOST)!, 1_000);
    const text = explain(t, engine.failureOf(refused('ENOENT')));
    expect(text).toBe(
      "Gorae can't reach the Docker Engine of the host \"default\" at /var/run/docker.sock (ENOENT). Check that the engine is running there (on this machine: start Docker Desktop, or sudo systemctl start docker; the topic err-daemon-not-running says more) and that its address in DOCKER_HOST or GORAE_HOSTS is right.",
    );
  });

  it('is named by its tcp or ssh address, without anything secret', () => {
    const hosts = hostsOf({ GORAE_HOSTS: 'lab2=tcp://10.0.0.12:2375,gpu=ssh://admin@gpu1' });
    expect(addressOf(hosts.get('lab2')!)).toBe('tcp://10.0.0.12:2375');
    expect(addressOf(hosts.get('gpu')!)).toBe('ssh://admin@gpu1:22');
    expect(explain(t, createEngine(hosts.get('lab2')!, 1_000).failureOf(refused('ECONNREFUSED')))).toContain('of the host "lab2" at tcp://10.0.0.12:2375 (ECONNREFUSED)');
  });
});
