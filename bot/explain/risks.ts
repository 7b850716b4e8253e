import type { OptionToken, Token } from './parse.js';
import { splitImage } from './image.js';
import type { Listed } from './listed-ids.js';
import { isOn, knownOptions, onHostNetwork, valueOf } from './line.js';
import { IMAGE_PORTS, SHELL_IMAGES } from './official-images.js';
import { shellHandles } from './shell-effect.js';
import { isLoopback, readEnv, readMount, readPublish, readServicePublish, readVolume, type Mount } from './values.js';

/** A risky part of a command: `id` names its explanation under `explain:warning.*`. */
export interface Risk {
  readonly token: string;
  readonly id: RiskId;
  readonly vars?: Readonly<Record<string, string>>;
}

export type RiskId =
  | 'privileged'
  | 'dockerSocket'
  | 'hostRoot'
  | 'hostEtc'
  | 'hostHome'
  | 'hostNetwork'
  | 'hostPid'
  | 'hostIpc'
  | 'hostUserns'
  | 'hostUts'
  | 'hostCgroupns'
  | 'capAdd'
  | 'capAll'
  | 'capSysAdmin'
  | 'capNetAdmin'
  | 'capSysPtrace'
  | 'capSysModule'
  | 'capDacReadSearch'
  | 'unconfined'
  | 'device'
  | 'databasePort'
  | 'databasePortOpen'
  | 'databasePortSwarm'
  | 'rmWithoutVolume'
  | 'ttyToFile'
  | 'ttyFromInput'
  | 'pruneVolumes'
  | 'pruneAllImages'
  | 'systemPruneAll'
  | 'buildArgSecret'
  | 'optionAfterImage'
  | 'loadMultiPlatform'
  | 'exitsAtOnce'
  | 'restartPolicySlip'
  | 'restartPolicyMalformed'
  | 'restartPolicyUnknown'
  | 'restartCountNotOnFailure'
  | 'restartWithRm'
  | 'memorySwapAlone'
  | 'uppercaseRepository'
  | 'unlistenedPort'
  | 'everyContainer'
  | 'everyContainerForced'
  | 'everyRunningContainer'
  | 'everyRunningContainerForced'
  | 'everyImage'
  | 'everyImageForced';

/** What risks depend on beside the options: the command, and what the shell does with its input and output. */
export interface RiskContext {
  /** run, create: `--rm` there removes a container, where build's removes only its steps' containers. */
  readonly startsContainer: boolean;
  /** The subcommand's canonical name (`system prune`): `-a` and `--volumes` delete only where it prunes. */
  readonly command?: string;
  /** The shell's part after the command (`> dump.sql`, `| gzip`), if any. */
  readonly shell?: string;
  /** What the shell pipes in from before the command (`cat dump.sql |`), if anything. */
  readonly fed?: string;
  /** Whether a word is one of the command's own options (`-p`, `--gpus`): after the image, docker no longer reads them. */
  readonly isOwnOption?: (word: string) => boolean;
  /** Operands the shell fills with a listing's IDs (`$(docker ps -aq)`), and what each lists. */
  readonly listings?: ReadonlyArray<{ readonly token: string; readonly listed: Listed }>;
}

/** Ports of the databases people run in containers and should not open to the whole network. */
const DATABASE_PORTS: Readonly<Record<string, string>> = {
  '3306': 'MySQL/MariaDB',
  '5432': 'PostgreSQL',
  '27017': 'MongoDB',
  '6379': 'Redis',
  '1433': 'SQL Server',
  '1521': 'Oracle',
  '9200': 'Elasticsearch',
  '5984': 'CouchDB',
  '9042': 'Cassandra',
  '8086': 'InfluxDB',
  '11211': 'Memcached',
  '26257': 'CockroachDB',
  '7687': 'Neo4j',
};
/** Of those, the ones whose official images take connections with no password by default. */
const PASSWORDLESS = new Set(['Redis', 'Memcached']);
/** The capabilities that come close to root on the host, each with the warning that says what it allows. */
const STRONG_CAPABILITIES: Readonly<Record<string, RiskId>> = {
  ALL: 'capAll',
  SYS_ADMIN: 'capSysAdmin',
  NET_ADMIN: 'capNetAdmin',
  SYS_PTRACE: 'capSysPtrace',
  SYS_MODULE: 'capSysModule',
  DAC_READ_SEARCH: 'capDacReadSearch',
};
/** Options that can share a namespace with the host; the network ones share only the network. */
const NETWORK_OPTIONS = new Set(['network', 'net']);
/** The other namespaces a container can share with the host, each warned about on its own. */
const NAMESPACE_OPTIONS: Readonly<Record<string, RiskId>> = { pid: 'hostPid', ipc: 'hostIpc', userns: 'hostUserns', uts: 'hostUts', cgroupns: 'hostCgroupns' };
/** The commands that hand the terminal's input to the container's program, and so check that it is one when given -it. */
const ATTACHES_INPUT = new Set(['run', 'exec']);
/** The prune commands whose -a deletes every image no container uses; system prune's takes all build cache too. */
const PRUNES_IMAGES: Readonly<Record<string, RiskId>> = { 'image prune': 'pruneAllImages', 'system prune': 'systemPruneAll' };
/** The short options of docker run that READMEs and newcomers put after the image by mistake: -d, -it, -p, -v, -e. */
const MISPLACED_SHORTS = /^-[ditpve]+$/;
/** Word parts of a name that say it holds a secret: GITHUB_TOKEN, dbPassword, NPM_AUTH, AWS_SECRET_ACCESS_KEY. */
const SECRET_WORDS = /^(?:token|secret|password|passwd|pass|key|apikey|auth|credential|creds?)s?$/;

/** The warnings a careful admin must see before running the command, one per risky option. */
export function risksOf(tokens: readonly Token[], context: RiskContext = { startsContainer: true }): Risk[] {
  const options = tokens.filter((token): token is OptionToken => token.kind === 'option' && token.option !== undefined);
  const risks: Risk[] = [];
  let keepsData = false;
  for (const token of options) {
    const { name } = token.option!;
    const value = token.value ?? '';
    if (name === 'privileged' && value !== 'false') risks.push({ token: token.typed, id: 'privileged' });
    if (name === 'use-api-socket') risks.push({ token: token.typed, id: 'dockerSocket' });
    // build's --network host is the RUN steps' network alone, which its own text says: no container runs on it.
    if (NETWORK_OPTIONS.has(name) && value === 'host' && context.command !== 'build') risks.push({ token: token.typed, id: 'hostNetwork', vars: { option: token.typed } });
    const namespace = NAMESPACE_OPTIONS[name];
    if (namespace && value === 'host') risks.push({ token: token.typed, id: namespace, vars: { option: token.typed } });
    const capability = name === 'cap-add' ? capabilityName(value) : undefined;
    // A capability of Docker's default set is granted already: adding it again gives nothing new.
    if (capability && !isDefaultCapability(capability)) risks.push({ token: token.typed, id: STRONG_CAPABILITIES[capability] ?? 'capAdd', vars: { capability } });
    if (name === 'security-opt' && /^(seccomp|apparmor)[=:]unconfined$/.test(value)) risks.push({ token: token.typed, id: 'unconfined', vars: { value } });
    if (name === 'device') risks.push({ token: token.typed, id: 'device', vars: { device: value.split(':')[0] ?? value } });
    const buildArg = name === 'build-arg' ? readEnv(value).key : undefined;
    if (buildArg !== undefined && namesSecret(buildArg)) risks.push({ token: token.typed, id: 'buildArgSecret', vars: { name: buildArg } });
    const pruned = PRUNES_IMAGES[context.command ?? ''];
    if (name === 'all' && pruned && value !== 'false') risks.push({ token: token.typed, id: pruned });
    if (name === 'volumes' && context.command === 'system prune' && value !== 'false') risks.push({ token: token.typed, id: 'pruneVolumes' });
    if (token.option!.reader === 'servicePublish') {
      // A swarm service publishes on the nodes' every interface: no host IP can narrow it.
      const port = readServicePublish(value);
      const database = port && DATABASE_PORTS[port.target];
      if (port && database) risks.push({ token: token.typed, id: 'databasePortSwarm', vars: { port: port.target, database } });
    } else if (name === 'publish') {
      const port = readPublish(value);
      const database = port && DATABASE_PORTS[port.container];
      if (port && database && !(port.ip && isLoopback(port.ip))) risks.push({ token: token.typed, id: PASSWORDLESS.has(database) ? 'databasePortOpen' : 'databasePort', vars: { port: port.container, database } });
    }
    const mount = name === 'volume' ? readVolume(value) : name === 'mount' || name === 'mount-add' ? readMount(value) : undefined;
    if (mount && mount.type !== 'tmpfs') keepsData = true;
    if (name === 'volumes-from') keepsData = true;
    const host = mount && hostRisk(mount);
    if (host) risks.push({ token: token.typed, id: host, vars: { source: mount.source ?? '' } });
  }
  // Compose's run takes its service's volumes from the Compose file, which the line does not show.
  const rm = options.find((token) => token.option!.name === 'rm' && token.option!.plugin !== 'compose' && token.value !== 'false');
  const handled = context.shell === undefined ? { input: false, output: false } : shellHandles(context.shell);
  // A one-shot command whose input or output the shell handles (`docker run --rm -i tool < file > out`) keeps what matters.
  if (rm && !keepsData && context.startsContainer && !handled.input && !handled.output) risks.push({ token: rm.typed, id: 'rmWithoutVolume' });
  // A terminal turns line endings into CRLF: a dump taken with -t through `>` is no clean copy.
  const tty = options.find((token) => token.option!.name === 'tty' && token.value !== 'false');
  if (tty && handled.output) risks.push({ token: tty.typed, id: 'ttyToFile' });
  // docker run and exec refuse -it when the input is a file or a pipe ("the input device is not a TTY"), unless detached.
  const switchedOn = (option: string) => options.some((token) => token.option!.name === option && token.value !== 'false');
  const inputFromShell = handled.input || context.fed !== undefined;
  if (tty && inputFromShell && switchedOn('interactive') && !switchedOn('detach') && ATTACHES_INPUT.has(context.command ?? '')) {
    risks.push({ token: tty.typed, id: 'ttyFromInput' });
  }
  // `docker run my-notebook -p 8888:8888`: everything after the image is the container's, so -p publishes nothing.
  // Only the word right after the image, and only docker's long options or the shorts people put there by
  // mistake: `postgres -c …` and `bash -l` hand their own options to the program, as they should.
  const at = tokens.findIndex((token) => token.kind === 'operand' && token.operand === 'image');
  const late = at < 0 ? undefined : tokens[at + 1];
  const misplaced = late?.kind === 'operand' && (late.typed.startsWith('--') || MISPLACED_SHORTS.test(late.typed)) && context.isOwnOption?.(late.typed);
  if (misplaced && context.startsContainer) risks.push({ token: late.typed, id: 'optionAfterImage', vars: { image: tokens[at]!.typed } });
  return [...risks, ...loadsMultiPlatform(tokens, context), ...exitsAtOnce(tokens, context), ...unlistenedPorts(tokens, context), ...removesEverything(tokens, context)];
}

/**
 * `docker rm -f $(docker ps -aq)`, copied from a cleanup answer: every container on the machine goes,
 * not only the project's, and with -f the running ones too. `docker rmi $(docker images -q)` likewise.
 */
function removesEverything(tokens: readonly Token[], context: RiskContext): Risk[] {
  const forced = isOn(tokens, 'force');
  return (context.listings ?? []).flatMap(({ token, listed }): Risk[] => {
    if (context.command === 'rm' && listed === 'allContainers') return [{ token, id: forced ? 'everyContainerForced' : 'everyContainer' }];
    if (context.command === 'rm' && listed === 'runningContainers') return [{ token, id: forced ? 'everyRunningContainerForced' : 'everyRunningContainer' }];
    if (context.command === 'rmi' && (listed === 'images' || listed === 'allImages')) return [{ token, id: forced ? 'everyImageForced' : 'everyImage' }];
    return [];
  });
}

/** A configuration file mounted in (`/etc/nginx/conf.d/…`, `my.cnf`), or a variable naming a port (PGPORT), may move the port the image listens on. */
const CONFIG_TARGET = /\/etc\/|conf|\.(?:cnf|cfg|ini|ya?ml|json|toml)$/iu;

function movesPort(option: string, value: string): boolean {
  if (option === 'env-file') return true;
  if (option === 'env') return /port/iu.test(readEnv(value).key);
  const mount = option === 'volume' ? readVolume(value) : option === 'mount' ? readMount(value) : undefined;
  return mount !== undefined && CONFIG_TARGET.test(mount.target);
}

/**
 * `docker run -p 8080:8080 nginx`: the official image listens on 80, so the published port leads
 * nowhere. Only where nothing on the line may move the port: no command of its own after the image
 * (`postgres -p 5433`), no port variable (PGPORT) or env file, no configuration mounted in, no other network,
 * and no -p already reaching a port it listens on (a second one may be for a mounted configuration).
 */
function unlistenedPorts(tokens: readonly Token[], context: RiskContext): Risk[] {
  if ((context.command !== 'run' && context.command !== 'create') || onHostNetwork(tokens)) return [];
  const { image, repository, last } = imageOf(tokens);
  const listens = repository?.startsWith('library/') ? IMAGE_PORTS[repository.slice('library/'.length)] : undefined;
  const options = knownOptions(tokens);
  const configured = options.some((token) => movesPort(token.option!.name, token.value ?? ''));
  if (!image || !listens || !last || configured) return [];
  const published = options.flatMap((token) => (token.option!.name === 'publish' ? [{ token, port: readPublish(token.value ?? '') }] : []));
  if (published.some(({ port }) => port && listens.includes(port.container))) return [];
  return published.flatMap(({ token, port }) =>
    !port || port.container.includes('-')
      ? []
      : [{ token: token.typed, id: 'unlistenedPort' as const, vars: { image: image.typed, port: port.container, listens: listens.join(', '), host: port.host || port.container, first: listens[0]! } }],
  );
}

/** The image of a run or create (its first operand), its repository, and whether nothing follows it (no command of its own). */
function imageOf(tokens: readonly Token[]): { image?: Token; repository: string | null; last: boolean } {
  const at = tokens.findIndex((token) => token.kind === 'operand');
  const image = tokens[at];
  return { ...(image ? { image } : {}), repository: image ? splitImage(image.typed).repository : null, last: at === tokens.length - 1 };
}

/** `buildx build --load --platform a,b`: loading a multi-platform image needs the containerd image store. */
function loadsMultiPlatform(tokens: readonly Token[], context: RiskContext): Risk[] {
  const load = knownOptions(tokens).find((token) => token.option!.name === 'load' && token.value !== 'false');
  const platforms = valueOf(tokens, 'platform') ?? '';
  return context.command === 'build' && load && platforms.includes(',') ? [{ token: load.typed, id: 'loadMultiPlatform', vars: { platforms } }] : [];
}

/**
 * `docker run -d ubuntu`: the image's shell gets no command, no terminal and no input, so it exits, and the
 * container with it. Only detached: in the foreground the shell's end is there to see.
 */
function exitsAtOnce(tokens: readonly Token[], context: RiskContext): Risk[] {
  if (context.command !== 'run' || !isOn(tokens, 'detach')) return [];
  const { image, repository, last } = imageOf(tokens);
  const kept = ['interactive', 'tty', 'entrypoint'].some((name) => (name === 'entrypoint' ? valueOf(tokens, name) !== undefined : isOn(tokens, name)));
  if (!image || !repository || !SHELL_IMAGES.has(repository) || !last || kept) return [];
  return [{ token: image.typed, id: 'exitsAtOnce', vars: { image: image.typed } }];
}

/** `cap_net_admin`, `CAP_NET_ADMIN` and `NET_ADMIN` all name NET_ADMIN. */
export const capabilityName = (value: string): string => value.toUpperCase().replace(/^CAP_/, '');

/** The capabilities Docker grants every container by default (the default set of `docker run`). */
const DEFAULT_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
export const isDefaultCapability = (capability: string): boolean => DEFAULT_CAPABILITIES.has(capability);

/** `GITHUB_TOKEN`, `dbPassword`, `api-key`: a part of the name, split at `_`, `-`, `.` and lowercase-to-uppercase, is a secret's word. */
function namesSecret(name: string): boolean {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .some((part) => SECRET_WORDS.test(part.toLowerCase()));
}

function hostRisk(mount: Mount): RiskId | undefined {
  if (mount.type !== 'bind' || mount.source === undefined) return undefined;
  const source = mount.source.replace(/\/+$/, '') || '/';
  // The socket's own folder carries it too: /var/run and /run are where docker.sock lives.
  if (/(^|\/)docker\.sock$/.test(source) || source === '/var/run' || source === '/run') return 'dockerSocket';
  if (source === '/') return 'hostRoot';
  if (source === '/etc') return 'hostEtc';
  if (/^(?:~|\$HOME|\$\{HOME\}|\/root|\/home\/[^/]+|\/Users\/[^/]+|[A-Za-z]:[\\/]Users[\\/][^\\/]+)$/.test(source)) return 'hostHome';
  return undefined;
}
