import type { Lang } from '../core/lang.js';
import type { Phrase } from './phrases.js';
import type { CatalogueOption } from './catalogue.js';
import { holdsShellVariable, isLoopback, readEnv, readMount, readPublish, readServicePublish, readVolume, type Mount } from './values.js';

/**
 * What an option does in this command. Options whose meaning depends on their value (ports,
 * mounts, variables, the network) say it with the value; the others use the catalogue's text.
 */
export function optionText(option: CatalogueOption, value: string | undefined, lang: Lang, t: Phrase): string {
  const general = option[lang];
  if (value === undefined || option.reader === undefined) return general;
  const specific = readerText(option.reader, value, t);
  return specific ?? general;
}

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

function readerText(reader: string, value: string, t: Phrase): string | undefined {
  switch (reader) {
    case 'publish': {
      const port = readPublish(value);
      if (!port) return undefined;
      const protocol = port.protocol ?? 'tcp';
      if (!port.host) return t('reader.publishRandom', { container: port.container, protocol });
      const where = port.ip ? (isLoopback(port.ip) ? t('reader.loopback') : t('reader.address', { ip: port.ip })) : t('reader.everywhere');
      return t('reader.publish', { container: port.container, host: port.host, protocol, where });
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
      return env.value === undefined ? t('reader.envFromShell', { key: env.key }) : t('reader.env', { key: env.key, value: env.value });
    }
    case 'network':
      if (['host', 'none', 'bridge'].includes(value)) return t(`reader.network.${value as 'host' | 'none' | 'bridge'}`);
      if (value.startsWith('container:')) return t('reader.network.container', { container: value.slice('container:'.length) });
      return t('reader.network.named', { network: value });
    case 'restart': {
      const [policy = '', retries] = value.split(':');
      if (policy === 'on-failure') {
        return retries ? t('reader.restart.onFailure', { count: Number(retries), retries }) : t('reader.restart.onFailureAny');
      }
      if (['no', 'always', 'unless-stopped'].includes(policy)) return t(`reader.restart.${policy === 'unless-stopped' ? 'unlessStopped' : (policy as 'no' | 'always')}`);
      return undefined;
    }
    case 'buildPlatform':
      return t(value.includes(',') ? 'reader.buildPlatforms' : 'reader.buildPlatform', { value });
    case 'name':
    case 'memory':
    case 'cpus':
    case 'user':
    case 'workdir':
    case 'entrypoint':
    case 'platform':
    case 'tag':
    case 'hostname':
      return t(`reader.${reader}`, { value });
    default:
      return undefined;
  }
}

/** A bind mount's source that is the folder the command is run from, in bash, PowerShell or cmd. */
const HERE = String.raw`\$\(pwd\)|\$PWD|\$\{PWD\}|\$\{pwd\}|%cd%|\$\(Get-Location\)`;
const CURRENT_FOLDER = new RegExp(`^(?:${HERE}|\\.)[\\\\/]?$`, 'i');
/** A path under it: `$(pwd)/notebooks`, `%CD%\\data`, `${PWD}/src` (a bare `./src` reads as a path anyway), not `$(pwd)/../x`. */
const UNDER_CURRENT_FOLDER = new RegExp(`^(${HERE})[\\\\/](?!\\.\\.)(.+)$`, 'i');

function mountText(mount: Mount | undefined, t: Phrase): string | undefined {
  if (!mount) return undefined;
  const mode = (mount.readOnly ? ` ${t('reader.readOnly')}` : '') + (mount.relabel ? ` ${t(`reader.relabel.${mount.relabel}`)}` : '');
  switch (mount.type) {
    case 'bind':
      // `$(pwd)`, `$PWD`, `${PWD}`, `%cd%`, `${pwd}`: the shell (or cmd) puts the current folder there.
      if (mount.source !== undefined && CURRENT_FOLDER.test(mount.source)) return t('reader.bindHere', { source: mount.source, target: mount.target }) + mode;
      const under = mount.source === undefined ? null : UNDER_CURRENT_FOLDER.exec(mount.source);
      if (under) return t('reader.bindUnderHere', { folder: under[2]!.replace(/[\\/]+$/, ''), variable: under[1]!, target: mount.target }) + mode;
      // A socket holds no files to share: what the container gets is a line to the program behind it.
      if (mount.source?.endsWith('docker.sock')) return t('reader.bindDockerSocket', { source: mount.source, target: mount.target }) + mode;
      if (mount.source?.endsWith('.sock')) return t('reader.bindSocket', { source: mount.source, target: mount.target }) + mode;
      return t('reader.bind', { source: mount.source ?? '?', target: mount.target }) + mode;
    case 'volume':
      return t('reader.volume', { source: mount.source ?? '', target: mount.target }) + mode;
    case 'anonymous':
      return t('reader.anonymous', { target: mount.target }) + mode;
    case 'tmpfs':
      return t('reader.tmpfs', { target: mount.target });
  }
}
