import type { Lang } from '../core/lang.js';
import type { Translate } from '../i18n.js';
import type { CatalogueOption } from './catalogue.js';
import { isLoopback, readEnv, readMount, readPublish, readVolume, type Mount } from './values.js';

/**
 * What an option does in this command. Options whose meaning depends on their value (ports,
 * mounts, variables, the network) say it with the value; the others use the catalogue's text.
 */
export function optionText(option: CatalogueOption, value: string | undefined, lang: Lang, t: Translate): string {
  const general = option[lang];
  if (value === undefined || option.reader === undefined) return general;
  const specific = readerText(option.reader, value, t);
  return specific ?? general;
}

/** The value on its own: what Docker reads in it. */
export function valueText(option: CatalogueOption, value: string, t: Translate): string {
  if (/\$/.test(value)) return t('explain:value.variable', { value });
  if (option.reader === 'publish') {
    const port = readPublish(value);
    if (port) return t('explain:value.publish', { host: port.host || '?', container: port.container });
  }
  return t('explain:value.of', { option: `--${option.name}` });
}

function readerText(reader: string, value: string, t: Translate): string | undefined {
  switch (reader) {
    case 'publish': {
      const port = readPublish(value);
      if (!port) return undefined;
      const protocol = port.protocol ?? 'tcp';
      if (!port.host) return t('explain:reader.publishRandom', { container: port.container, protocol });
      const where = port.ip ? (isLoopback(port.ip) ? t('explain:reader.loopback') : t('explain:reader.address', { ip: port.ip })) : t('explain:reader.everywhere');
      return t('explain:reader.publish', { container: port.container, host: port.host, protocol, where });
    }
    case 'volume':
      return mountText(readVolume(value), t);
    case 'mount':
      return mountText(readMount(value), t);
    case 'env': {
      const env = readEnv(value);
      return env.value === undefined ? t('explain:reader.envFromShell', { key: env.key }) : t('explain:reader.env', { key: env.key, value: env.value });
    }
    case 'network':
      if (['host', 'none', 'bridge'].includes(value)) return t(`explain:reader.network.${value as 'host' | 'none' | 'bridge'}`);
      if (value.startsWith('container:')) return t('explain:reader.network.container', { container: value.slice('container:'.length) });
      return t('explain:reader.network.named', { network: value });
    case 'restart': {
      const [policy = '', retries] = value.split(':');
      if (policy === 'on-failure') {
        return retries ? t('explain:reader.restart.onFailure', { count: Number(retries), retries }) : t('explain:reader.restart.onFailureAny');
      }
      if (['no', 'always', 'unless-stopped'].includes(policy)) return t(`explain:reader.restart.${policy === 'unless-stopped' ? 'unlessStopped' : (policy as 'no' | 'always')}`);
      return undefined;
    }
    case 'name':
    case 'memory':
    case 'cpus':
    case 'user':
    case 'workdir':
    case 'entrypoint':
    case 'platform':
    case 'tag':
    case 'file':
    case 'hostname':
      return t(`explain:reader.${reader}`, { value });
    default:
      return undefined;
  }
}

function mountText(mount: Mount | undefined, t: Translate): string | undefined {
  if (!mount) return undefined;
  const mode = mount.readOnly ? ` ${t('explain:reader.readOnly')}` : '';
  switch (mount.type) {
    case 'bind':
      return t('explain:reader.bind', { source: mount.source ?? '?', target: mount.target }) + mode;
    case 'volume':
      return t('explain:reader.volume', { source: mount.source ?? '', target: mount.target }) + mode;
    case 'anonymous':
      return t('explain:reader.anonymous', { target: mount.target }) + mode;
    case 'tmpfs':
      return t('explain:reader.tmpfs', { target: mount.target });
  }
}
