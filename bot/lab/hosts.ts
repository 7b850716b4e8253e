import { existsSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { fail, map, ok, type Result } from '../core/result.js';

/** The host an action runs on when it names none: DOCKER_HOST, or the default socket. */
export const DEFAULT_HOST = 'default';
/** `--host all`: every configured host at once (ps and images), so no host may be called this. */
export const ALL_HOSTS = 'all';
const DEFAULT_URL = 'unix:///var/run/docker.sock';

export interface TlsFiles {
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
}

export type HostSpec =
  | { readonly name: string; readonly kind: 'socket'; readonly socketPath: string }
  | { readonly name: string; readonly kind: 'tcp'; readonly hostname: string; readonly port: number; readonly tls?: TlsFiles }
  | {
      readonly name: string;
      readonly kind: 'ssh';
      readonly hostname: string;
      readonly port: number;
      readonly username: string;
      readonly agent?: string;
      readonly privateKey?: string;
      /** The server's public key blob (base64); when present, any other key is refused. */
      readonly hostKey?: string;
    };

export type HostError =
  | 'lab.host.entry'
  | 'lab.host.name'
  | 'lab.host.url'
  | 'lab.host.password'
  | 'lab.host.duplicate'
  | 'lab.host.reserved'
  | 'lab.host.tls'
  | 'lab.host.hostKey';

export interface HostSources {
  readonly DOCKER_HOST?: string | undefined;
  readonly GORAE_HOSTS?: string | undefined;
  readonly GORAE_TLS_DIR: string;
  /** The ssh agent socket for ssh:// hosts, as the docker CLI's ssh would use it. */
  readonly SSH_AUTH_SOCK?: string | undefined;
}

/** Host names are typed after `--host`, so they stay short and shell-free. */
export const hostName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/);

const TLS_FILES = ['ca.pem', 'cert.pem', 'key.pem'] as const;
const SSH_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'] as const;

/**
 * Reads every host Gorae may talk to: `default` (DOCKER_HOST or the default socket) plus the
 * `name=url` pairs of GORAE_HOSTS, which may redefine `default`. TLS material is read here, once,
 * so a missing certificate is a start-up error rather than a failure at the first action.
 */
export function readHosts(sources: HostSources): Result<ReadonlyMap<string, HostSpec>, HostError> {
  const hosts = new Map<string, HostSpec>();
  const fallback = hostSpec(DEFAULT_HOST, sources.DOCKER_HOST ?? DEFAULT_URL, sources);
  if (!fallback.ok) return fallback;
  hosts.set(DEFAULT_HOST, fallback.value);
  const named = new Set<string>();
  const entries = (sources.GORAE_HOSTS ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  for (const entry of entries) {
    const cut = entry.indexOf('=');
    if (cut < 1) return fail('lab.host.entry', { entry: entry.slice(0, 80) });
    const name = entry.slice(0, cut).trim();
    if (!hostName.safeParse(name).success) return fail('lab.host.name', { host: name.slice(0, 40) });
    if (name === ALL_HOSTS) return fail('lab.host.reserved', { host: name });
    if (named.has(name)) return fail('lab.host.duplicate', { host: name });
    named.add(name);
    const spec = hostSpec(name, entry.slice(cut + 1).trim(), sources);
    if (!spec.ok) return spec;
    hosts.set(name, spec.value);
  }
  return ok(hosts);
}

function hostSpec(name: string, url: string, sources: HostSources): Result<HostSpec, HostError> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('lab.host.url', { host: name, url: url.slice(0, 120) });
  }
  if (parsed.password) return fail('lab.host.password', { host: name });
  const bad = fail('lab.host.url', { host: name, url: url.slice(0, 120) });
  const folder = join(sources.GORAE_TLS_DIR, name);
  switch (parsed.protocol) {
    case 'unix:':
    case 'npipe:': {
      const socketPath = decodeURIComponent(parsed.pathname);
      if (parsed.host !== '' || !socketPath.startsWith('/') || socketPath === '/') return bad;
      return ok({ name, kind: 'socket', socketPath });
    }
    case 'tcp:': {
      if (!parsed.hostname || (parsed.pathname !== '' && parsed.pathname !== '/')) return bad;
      const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
      return map(readTls(name, folder), (tls): HostSpec =>
        tls ? { name, kind: 'tcp', hostname, port: Number(parsed.port || 2376), tls } : { name, kind: 'tcp', hostname, port: Number(parsed.port || 2375) },
      );
    }
    case 'ssh:': {
      if (!parsed.hostname || (parsed.pathname !== '' && parsed.pathname !== '/')) return bad;
      const privateKey = readSshKey(folder);
      return map(readHostKey(name, folder), (hostKey): HostSpec => ({
        name,
        kind: 'ssh',
        hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: Number(parsed.port || 22),
        username: decodeURIComponent(parsed.username) || userInfo().username,
        ...(sources.SSH_AUTH_SOCK ? { agent: sources.SSH_AUTH_SOCK } : {}),
        ...(privateKey ? { privateKey } : {}),
        ...(hostKey ? { hostKey } : {}),
      }));
    }
    default:
      return bad;
  }
}

/** A host's TLS folder is optional; once it exists, all three files must be there. */
function readTls(name: string, folder: string): Result<TlsFiles | undefined, HostError> {
  if (!existsSync(folder)) return ok(undefined);
  const files: string[] = [];
  for (const file of TLS_FILES) {
    try {
      files.push(readFileSync(join(folder, file), 'utf8'));
    } catch {
      return fail('lab.host.tls', { host: name, file: join(folder, file) });
    }
  }
  const [ca, cert, key] = files as [string, string, string];
  return ok({ ca, cert, key });
}

/** The host's own key folder first, then the user's usual keys, as `ssh` itself would try them. */
function readSshKey(folder: string): string | undefined {
  for (const dir of [folder, join(homedir(), '.ssh')]) {
    for (const file of SSH_KEYS) {
      const path = join(dir, file);
      if (existsSync(path)) return readFileSync(path, 'utf8');
    }
  }
  return undefined;
}

/**
 * `host_key.pub` in the host's folder pins the server's key, as a known_hosts line would (copy it
 * from the server's /etc/ssh/ssh_host_ed25519_key.pub). Without it any server key is accepted.
 */
function readHostKey(name: string, folder: string): Result<string | undefined, HostError> {
  const path = join(folder, 'host_key.pub');
  if (!existsSync(path)) return ok(undefined);
  const [type = '', blob = ''] = readFileSync(path, 'utf8').trim().split(/\s+/);
  if (!/^(ssh|ecdsa|sk)-/.test(type) || !/^[A-Za-z0-9+/]{20,}=*$/.test(blob)) return fail('lab.host.hostKey', { host: name, file: path });
  return ok(blob);
}
