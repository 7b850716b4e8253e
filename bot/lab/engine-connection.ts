import { isIP, type Socket } from 'node:net';
import Docker from 'dockerode';
import { Client as SshClient, type ClientChannel, type ConnectConfig } from 'ssh2';
import { Client, type buildConnector } from 'undici';
import type { HostSpec } from './hosts.js';
import { connectReusingReads } from './reused-read-socket.js';

/**
 * The one place that turns a host into connections: dockerode's modem for the JSON calls and an
 * undici client for the two bulk calls (save and load), both from the same TLS and ssh settings.
 * Called from createEngine, which main calls; nothing connects until the first request.
 */
export interface EngineConnection {
  readonly modem: Docker['modem'];
  readonly bulk: Client;
  /** The bulk connection says when each chunk written to it is sent (sent.ts): those reused-read-socket.ts makes. */
  readonly reportsSent: boolean;
}

export function connectTo(spec: HostSpec): EngineConnection {
  const reportsSent = spec.kind === 'socket' || (spec.kind === 'tcp' && !spec.tls);
  return { modem: new Docker(dockerOptions(spec)).modem, bulk: bulkClient(spec), reportsSent };
}

/** Where a host's engine is reached, as a person would write it in DOCKER_HOST (never a secret: no key, no password). */
export function addressOf(spec: HostSpec): string {
  if (spec.kind === 'socket') return spec.socketPath;
  if (spec.kind === 'tcp') return `tcp://${spec.hostname}:${spec.port}`;
  return `ssh://${spec.username}@${spec.hostname}:${spec.port}`;
}

type TcpSpec = Extract<HostSpec, { kind: 'tcp' }>;
type SshSpec = Extract<HostSpec, { kind: 'ssh' }>;

/** The client certificate and the authority the server's certificate must come from. */
function tlsSettings(spec: TcpSpec): { ca: string; cert: string; key: string; servername?: string } | undefined {
  if (!spec.tls) return undefined;
  const { ca, cert, key } = spec.tls;
  return { ca, cert, key, ...(isIP(spec.hostname) ? {} : { servername: spec.hostname }) };
}

function sshSettings(spec: SshSpec): ConnectConfig {
  return {
    host: spec.hostname,
    port: spec.port,
    username: spec.username,
    ...(spec.agent ? { agent: spec.agent } : {}),
    ...(spec.privateKey ? { privateKey: spec.privateKey } : {}),
    ...(spec.hostKey ? { hostVerifier: pinned(spec.hostKey) } : {}),
    readyTimeout: 20_000,
  };
}

/** Accepts only the server key the host's folder names. */
const pinned = (blob: string) => (key: Buffer): boolean => key.equals(Buffer.from(blob, 'base64'));

function dockerOptions(spec: HostSpec): Docker.DockerOptions {
  // Every connection key is set, even to undefined, so docker-modem never mixes in DOCKER_HOST.
  const none = { socketPath: undefined, host: undefined, port: undefined, protocol: undefined, ca: undefined, cert: undefined, key: undefined, timeout: undefined };
  switch (spec.kind) {
    case 'socket':
      return { ...none, socketPath: spec.socketPath };
    case 'tcp': {
      const tls = tlsSettings(spec);
      return tls
        ? { ...none, host: spec.hostname, port: spec.port, protocol: 'https', ca: tls.ca, cert: tls.cert, key: tls.key }
        : { ...none, host: spec.hostname, port: spec.port, protocol: 'http' };
    }
    case 'ssh':
      return { ...none, host: spec.hostname, port: spec.port, protocol: 'ssh', username: spec.username, sshOptions: sshSettings(spec) };
  }
}

/*
 * One request per connection (each bulk call asks for `connection: close`), and no timeouts of
 * undici's own: a save may be silent for minutes while the engine stages its layers, so the
 * engine port watches activity itself (engine-stream.ts).
 */
const UNTIMED = { headersTimeout: 0, bodyTimeout: 0 } as const;

function bulkClient(spec: HostSpec): Client {
  switch (spec.kind) {
    case 'socket':
      return new Client('http://docker', { ...UNTIMED, connect: reusingReads({ path: spec.socketPath }) });
    case 'tcp': {
      const tls = tlsSettings(spec);
      const host = spec.hostname.includes(':') ? `[${spec.hostname}]` : spec.hostname;
      if (tls) return new Client(`https://${host}:${spec.port}`, { ...UNTIMED, connect: tls });
      return new Client(`http://${host}:${spec.port}`, { ...UNTIMED, connect: reusingReads({ host: spec.hostname, port: spec.port }) });
    }
    case 'ssh':
      return new Client('http://docker', { ...UNTIMED, connect: dialStdio(sshSettings(spec)) });
  }
}

/** A unix socket or plain tcp port, read into one reused buffer (reused-read-socket.ts). */
const reusingReads =
  (where: { path: string } | { host: string; port: number }): buildConnector.connector =>
  (_options, callback) =>
    connectReusingReads(where, (error, socket) => (error ? callback(error, null) : callback(null, socket as unknown as Socket)));

/** An ssh host is reached the way the docker CLI does it: `docker system dial-stdio` on the far side. */
function dialStdio(settings: ConnectConfig): buildConnector.connector {
  return (_options, callback) => {
    const client = new SshClient();
    let settled = false;
    const settle: typeof callback = (...args) => {
      if (settled) return;
      settled = true;
      callback(...args);
    };
    client
      .once('ready', () =>
        client.exec('docker system dial-stdio', (error, channel) => {
          if (error) {
            client.end();
            return settle(error, null);
          }
          channel.once('close', () => client.end());
          settle(null, socketLike(channel, client));
        }),
      )
      // Kept after the channel is handed over: a later client error must not go unhandled.
      .on('error', (error) => {
        client.end();
        settle(error, null);
      })
      .connect(settings);
  };
}

/**
 * The channel as undici uses a socket. undici destroys it after each response (one request per
 * connection) and connects again only once it emits 'close'; ssh2 emits that only after the channel's
 * readable side has ended, which nobody reads once undici has its response, so the next save or load
 * on the same host waited out its idle limit about one time in four. Destroying the channel ends the
 * ssh connection too, and the connection's close closes the channel.
 */
function socketLike(channel: ClientChannel, client: SshClient): Socket {
  let closed = false;
  channel.once('close', () => (closed = true));
  client.once('close', () => {
    if (!closed) channel.emit('close');
  });
  const destroyChannel = channel.destroy.bind(channel);
  channel.destroy = (() => {
    destroyChannel();
    client.end();
    return channel;
  }) as typeof channel.destroy;
  return channel as unknown as Socket;
}
