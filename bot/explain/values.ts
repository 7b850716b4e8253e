/** Reading the values of the options whose meaning depends on them: ports, mounts, variables. */

export interface Publish {
  readonly ip?: string;
  /** Empty when Docker picks a free host port. */
  readonly host: string;
  readonly container: string;
  readonly protocol?: string;
}

/** `[IP:][HOST:]CONTAINER[/PROTO]`, IPv6 in brackets: docker's -p syntax. */
export function readPublish(value: string): Publish | undefined {
  const match = /^(?:(\[[^\]]*\]|[^:]*):)??(?:([\d-]*):)?([\d-]+)(?:\/(tcp|udp|sctp))?$/.exec(value);
  if (!match) return undefined;
  const [, ip, host, container, protocol] = match;
  return { ...(ip ? { ip } : {}), host: host ?? '', container: container!, ...(protocol ? { protocol } : {}) };
}

export interface ServicePort {
  /** Empty when the swarm picks a free port. */
  readonly published: string;
  readonly target: string;
  readonly protocol: string;
  /** ingress: every node, through the routing mesh; host: only the nodes running a task. */
  readonly mode: 'ingress' | 'host';
}

/**
 * A swarm service's `-p`: `[PUBLISHED:]TARGET[/PROTO]`, which may not name a host IP, or
 * `published=8080,target=80[,protocol=udp][,mode=host]` (docker/cli's opts/swarmopts/port.go).
 */
export function readServicePublish(value: string): ServicePort | undefined {
  if (!value.includes('=')) {
    const port = readPublish(value);
    return port && port.ip === undefined ? { published: port.host, target: port.container, protocol: port.protocol ?? 'tcp', mode: 'ingress' } : undefined;
  }
  const fields = new Map<string, string>();
  for (const part of value.toLowerCase().split(',')) {
    const equals = part.indexOf('=');
    if (equals < 1) return undefined;
    fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const { target, published = '', protocol = 'tcp', mode = 'ingress' } = Object.fromEntries(fields) as Record<string, string | undefined>;
  const known = [...fields.keys()].every((key) => ['target', 'published', 'protocol', 'mode'].includes(key));
  if (!known || !target || !/^\d+$/.test(target) || !/^\d*$/.test(published) || !['tcp', 'udp', 'sctp'].includes(protocol)) return undefined;
  if (mode !== 'ingress' && mode !== 'host') return undefined;
  return { published, target, protocol, mode };
}

export interface Mount {
  readonly type: 'bind' | 'volume' | 'tmpfs' | 'anonymous';
  readonly source?: string;
  readonly target: string;
  readonly readOnly: boolean;
  /** `-v SRC:DST:z` or `:Z`: SELinux relabels the files for every container or for this one alone. */
  readonly relabel?: 'shared' | 'private';
  /** `-v NAME:DST:nocopy`: a new volume is not filled with the image's files at DST. */
  readonly noCopy?: boolean;
}

/** cmd.exe's variables (`%cd%`, `%USERPROFILE%`), which it fills in as the shell does `$PWD`. */
const CMD_VARIABLE = '%[A-Za-z_][A-Za-z0-9_]*%';
/** A variable the shell fills in before docker sees the line: `$PWD`, `$(pwd)`, or cmd.exe's `%cd%`. */
const SHELL_VARIABLE = new RegExp(`\\$|${CMD_VARIABLE}`);
export const holdsShellVariable = (value: string): boolean => SHELL_VARIABLE.test(value);

/** A host path as people type it: absolute, relative, home, a variable (POSIX or cmd.exe), or a Windows drive. */
const HOST_PATH = new RegExp(`^(?:[/.~$]|${CMD_VARIABLE}|[A-Za-z]:[\\\\/])`);

/** `-v SRC:DST[:OPTS]` (a Windows drive's colon is part of the source) or `-v DST` for an anonymous volume. */
export function readVolume(value: string): Mount | undefined {
  const drive = /^[A-Za-z]:[\\/]/.test(value) ? 2 : 0;
  const colon = value.indexOf(':', drive);
  if (colon < 0) return value ? { type: 'anonymous', target: value, readOnly: false } : undefined;
  const source = value.slice(0, colon);
  const [target = '', options = ''] = splitTarget(value.slice(colon + 1));
  if (!target) return undefined;
  const flags = options.split(',');
  const relabel = flags.includes('Z') ? 'private' : flags.includes('z') ? 'shared' : undefined;
  const noCopy = flags.includes('nocopy');
  return { type: HOST_PATH.test(source) ? 'bind' : 'volume', source, target, readOnly: flags.includes('ro'), ...(relabel ? { relabel } : {}), ...(noCopy ? { noCopy } : {}) };
}

/** The target ends at a colon followed by options (`ro`, `z`), not at a Windows drive's colon. */
function splitTarget(rest: string): [string, string?] {
  const drive = /^[A-Za-z]:[\\/]/.test(rest) ? 2 : 0;
  const colon = rest.indexOf(':', drive);
  return colon < 0 ? [rest] : [rest.slice(0, colon), rest.slice(colon + 1)];
}

/** `--mount type=bind,src=…,dst=…,readonly`; the type defaults to volume as in docker. */
export function readMount(value: string): Mount | undefined {
  const fields = new Map<string, string>();
  for (const part of value.split(',')) {
    const equals = part.indexOf('=');
    fields.set((equals < 0 ? part : part.slice(0, equals)).trim().toLowerCase(), equals < 0 ? 'true' : part.slice(equals + 1));
  }
  const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
  if (!target) return undefined;
  const source = fields.get('source') ?? fields.get('src');
  const type = fields.get('type') ?? 'volume';
  const readOnly = ['readonly', 'ro'].some((key) => fields.has(key) && fields.get(key) !== 'false');
  if (type === 'tmpfs') return { type: 'tmpfs', target, readOnly };
  if (type === 'bind') return { type: 'bind', ...(source ? { source } : {}), target, readOnly };
  return source ? { type: 'volume', source, target, readOnly } : { type: 'anonymous', target, readOnly };
}

/** `KEY=value` sets a value; a bare `KEY` copies it from the shell that runs docker. */
export function readEnv(value: string): { key: string; value?: string } {
  const equals = value.indexOf('=');
  return equals < 0 ? { key: value } : { key: value.slice(0, equals), value: value.slice(equals + 1) };
}

/** A host IP that stands for every interface of the host, as leaving the IP out does. */
export const isEveryInterface = (ip: string): boolean => ip === '0.0.0.0' || ip === '[::]';

/** A published port only this machine can reach. */
export const isLoopback = (ip: string): boolean => /^(?:127\.|\[::1\]$|localhost$)/.test(ip);
