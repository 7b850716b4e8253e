import type { Lang } from '../core/lang.js';
import type { Phrase } from './phrases.js';
import type { CatalogueOption } from './catalogue.js';
import { filesExport } from './line.js';
import { capabilityName, isDefaultCapability } from './risks.js';
import { holdsShellVariable, isEveryInterface, isLoopback, readEnv, readMount, readPublish, readServicePublish, readVolume, type Mount } from './values.js';
import { readRestartPolicy } from './restart-policy.js';

/** Where an option stands among the times it is typed on the line: the first of two -f files, say. */
export interface Occurrence {
  readonly index: number;
  readonly count: number;
}

/**
 * What an option does in this command. Options whose meaning depends on their value (ports,
 * mounts, variables, the network) say it with the value; the others use the catalogue's text.
 * Compose's -f given several times says which file is the base and which are merged onto it.
 */
export function optionText(option: CatalogueOption, value: string | undefined, lang: Lang, t: Phrase, occurrence?: Occurrence): string {
  const general = option[lang];
  if (occurrence && occurrence.count > 1 && mergesComposeFiles(option)) return t(occurrence.index === 0 ? 'reader.composeFileBase' : 'reader.composeFileMerged');
  if (value === undefined || option.reader === undefined) return general;
  const specific = readerText(option, value, t);
  return specific ?? general;
}

/** Compose's own -f: several are merged in the order given, each overriding what it repeats of those before. */
export const mergesComposeFiles = (option: CatalogueOption): boolean => option.plugin === 'compose' && option.name === 'file';

/** The value on its own: what Docker reads in it. */
export function valueText(option: CatalogueOption, value: string, t: Phrase): string {
  if (holdsShellVariable(value)) return t('value.variable', { value });
  if (option.reader === 'publish') {
    const port = readPublish(value);
    if (port) return t('value.publish', { host: port.host || '?', container: port.container });
  }
  if (option.reader === 'servicePublish') {
    const port = readServicePublish(value);
    if (port) return t('value.publish', { host: port.published || '?', container: port.target });
  }
  return t('value.of', { option: `--${option.name}` });
}

function readerText({ reader, plugin }: CatalogueOption, value: string, t: Phrase): string | undefined {
  switch (reader) {
    case 'publish': {
      const port = readPublish(value);
      if (!port) return undefined;
      const protocol = port.protocol ?? 'tcp';
      if (!port.host) return t('reader.publishRandom', { container: port.container, protocol });
      return t(port.container.includes('-') ? 'reader.publishRange' : 'reader.publish', { container: port.container, host: port.host, protocol, where: publishedWhere(port.ip, t) });
    }
    case 'servicePublish': {
      // A swarm service's port: on every node through the routing mesh, or (mode=host) on the nodes running a task.
      const port = readServicePublish(value);
      if (!port) return undefined;
      const vars = { target: port.target, published: port.published, protocol: port.protocol };
      if (port.mode === 'host') return port.published ? t('reader.servicePublishHost', vars) : undefined;
      return t(port.published ? 'reader.servicePublish' : 'reader.servicePublishRandom', vars);
    }
    case 'volume':
      return mountText(readVolume(value), t);
    case 'mount':
      return mountText(readMount(value), t);
    case 'env': {
      const env = readEnv(value);
      if (env.value === undefined) return t('reader.envFromShell', { key: env.key });
      // `-e KEY=$KEY`: the shell puts its own value there before docker runs, so the text never reaches the container.
      if (holdsShellVariable(env.value.replace(SUBSTITUTIONS, ''))) return t('reader.envFilled', { key: env.key, value: env.value });
      return withSubstitutions(t('reader.env', { key: env.key, value: env.value }), value, t);
    }
    case 'network':
      if (['host', 'none', 'bridge'].includes(value)) return t(`reader.network.${value as 'host' | 'none' | 'bridge'}`);
      if (value.startsWith('container:')) return t('reader.network.container', { container: value.slice('container:'.length) });
      return t('reader.network.named', { network: value });
    case 'buildNetwork':
      return ['host', 'none', 'default'].includes(value) ? t(`reader.buildNetwork.${value as 'host' | 'none' | 'default'}`) : undefined;
    case 'buildOutput':
      return outputText(value, t);
    case 'buildArg':
      return buildArgText(readEnv(value).key, t);
    case 'capAdd': {
      const capability = capabilityName(value);
      return isDefaultCapability(capability) ? t('reader.capAddDefault', { capability }) : undefined;
    }
    case 'restart': {
      // A value docker refuses is told by its warning (refusals.ts), not described as a policy.
      const reading = readRestartPolicy(value);
      if (!reading.ok) return undefined;
      const { policy, count } = reading;
      if (policy === 'on-failure') return count ? t('reader.restart.onFailure', { count: Number(count), retries: count }) : t('reader.restart.onFailureAny');
      return t(`reader.restart.${policy === 'unless-stopped' ? 'unlessStopped' : policy}`);
    }
    case 'buildPlatform':
      return t(value.includes(',') ? 'reader.buildPlatforms' : 'reader.buildPlatform', { value });
    case 'entrypoint':
      // docker run's `--entrypoint ""` clears the ENTRYPOINT; Compose's reads an empty value its own way, left to its general text.
      if (value === '') return plugin === 'compose' ? undefined : t('reader.entrypointCleared');
      return withSubstitutions(t('reader.entrypoint', { value }), value, t);
    case 'name':
    case 'memory':
    case 'cpus':
    case 'user':
    case 'workdir':
    case 'platform':
    case 'tag':
    case 'hostname':
      return withSubstitutions(t(`reader.${reader}`, { value }), value, t);
    default:
      return undefined;
  }
}

/** The host addresses a port is published on: every interface (no IP, 0.0.0.0, [::]), loopback only, or one address. */
function publishedWhere(ip: string | undefined, t: Phrase): string {
  if (ip === undefined || isEveryInterface(ip)) return t('reader.everywhere');
  return isLoopback(ip) ? t('reader.loopback') : t('reader.address', { ip });
}

/** A build's `--output` that writes files (a folder, a tar archive) instead of an image; other exporters keep the general text. */
function outputText(value: string, t: Phrase): string | undefined {
  const files = filesExport(value);
  if (!files) return undefined;
  if (files.dest === '-') return t('reader.output.tarStdout');
  return t(files.type === 'local' ? 'reader.output.local' : 'reader.output.tar', { dest: files.dest });
}

/** BuildKit's own build arguments (BUILDKIT_*, SOURCE_DATE_EPOCH) and the predefined proxy ones need no ARG in the Dockerfile. */
const PROXY_ARGS = new Set(['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY']);
const BUILDKIT_ARGS = new Set(['BUILDKIT_CACHE_MOUNT_NS', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_SYNTAX', 'SOURCE_DATE_EPOCH']);

function buildArgText(name: string, t: Phrase): string | undefined {
  if (name === 'BUILDKIT_INLINE_CACHE') return t('reader.buildArg.inlineCache');
  if (BUILDKIT_ARGS.has(name)) return t('reader.buildArg.buildkit', { name });
  // The proxy arguments are predefined in both spellings: HTTP_PROXY and http_proxy.
  if (PROXY_ARGS.has(name.toUpperCase()) && (name === name.toUpperCase() || name === name.toLowerCase())) return t('reader.buildArg.proxy', { name });
  return undefined;
}

/** A command substitution inside a value: `$(git rev-parse --short HEAD)` or its backquoted form. */
const SUBSTITUTIONS = /\$\(([^()]*)\)|`([^`]*)`/g;

/** A text that quotes the value as typed, followed by what the shell puts in place of its `$(…)` first: one sentence for them all (`-u $(id -u):$(id -g)`). */
function withSubstitutions(text: string, value: string, t: Phrase): string {
  const found = [...value.matchAll(SUBSTITUTIONS)];
  if (found.length === 0) return text;
  if (found.length > 1) return `${text} ${t('reader.substitutedSeveral', { typed: found.map((one) => one[0]).join(', ') })}`;
  return `${text} ${t('reader.substituted', { typed: found[0]![0], inner: (found[0]![1] ?? found[0]![2] ?? '').trim() })}`;
}

/** A bind mount's source that is the folder the command is run from, in bash, PowerShell or cmd. */
const HERE = String.raw`\$\(pwd\)|\$PWD|\$\{PWD\}|\$\{pwd\}|%cd%|\$\(Get-Location\)`;
const CURRENT_FOLDER = new RegExp(`^(?:${HERE}|\\.)[\\\\/]?$`, 'i');
/** A path under it: `$(pwd)/notebooks`, `%CD%\\data`, `${PWD}/src` (a bare `./src` reads as a path anyway), not `$(pwd)/../x`. */
const UNDER_CURRENT_FOLDER = new RegExp(`^(${HERE})[\\\\/](?!\\.\\.)(.+)$`, 'i');

function mountText(mount: Mount | undefined, t: Phrase): string | undefined {
  if (!mount) return undefined;
  const relabel = (mount.relabel ? ` ${t(`reader.relabel.${mount.relabel}`)}` : '') + (mount.noCopy ? ` ${t('reader.noCopy')}` : '');
  const mode = (mount.readOnly ? ` ${t('reader.readOnly')}` : '') + relabel;
  // A bind mount says who may change the files in its own sentence: both sides, or (:ro, readonly) the host alone.
  const access = t(mount.readOnly ? 'reader.bindReadOnly' : 'reader.bindShared');
  switch (mount.type) {
    case 'bind':
      // `$(pwd)`, `$PWD`, `${PWD}`, `%cd%`, `${pwd}`: the shell (or cmd) puts the current folder there.
      if (mount.source !== undefined && CURRENT_FOLDER.test(mount.source)) return t('reader.bindHere', { source: mount.source, target: mount.target, access }) + relabel;
      const under = mount.source === undefined ? null : UNDER_CURRENT_FOLDER.exec(mount.source);
      if (under) return t('reader.bindUnderHere', { folder: under[2]!.replace(/[\\/]+$/, ''), variable: under[1]!, target: mount.target, access }) + relabel;
      // A socket holds no files to share: what the container gets is a line to the program behind it.
      if (mount.source?.endsWith('docker.sock')) return t('reader.bindDockerSocket', { source: mount.source, target: mount.target }) + mode;
      if (mount.source?.endsWith('.sock')) return t('reader.bindSocket', { source: mount.source, target: mount.target }) + mode;
      return t('reader.bind', { source: mount.source ?? '?', target: mount.target, access }) + relabel;
    case 'volume':
      return t('reader.volume', { source: mount.source ?? '', target: mount.target }) + mode;
    case 'anonymous':
      return t('reader.anonymous', { target: mount.target }) + mode;
    case 'tmpfs':
      return t('reader.tmpfs', { target: mount.target });
  }
}
