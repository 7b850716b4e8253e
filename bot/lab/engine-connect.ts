import { connect as netConnect, isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import { Client, type ConnectConfig } from 'ssh2';
import type { Connect, Receive } from './engine-wire.js';
import type { HostSpec } from './hosts.js';

/** One buffer of this size takes every read of a plain socket: no allocation per read. */
const READ_BYTES = 256 << 10;

/**
 * How the bulk calls reach a host: its unix socket or tcp port read straight into a reused buffer;
 * TLS and ssh channels hand over their own chunks. An ssh host is reached the way the docker CLI
 * does it, through `docker system dial-stdio` on the far side.
 */
export function connectorFor(spec: HostSpec, ssh: (spec: Extract<HostSpec, { kind: 'ssh' }>) => ConnectConfig): Connect {
  switch (spec.kind) {
    case 'socket':
      return (receive, signal) => plain(receive, signal, { path: spec.socketPath });
    case 'tcp': {
      const { hostname: host, port, tls } = spec;
      if (!tls) return (receive, signal) => plain(receive, signal, { host, port });
      return (receive, signal) =>
        handed(receive, signal, (ready, failed) => {
          const socket = tlsConnect({ host, port, ca: tls.ca, cert: tls.cert, key: tls.key, ...(isIP(host) ? {} : { servername: host }) });
          socket.once('secureConnect', () => ready(socket)).once('error', failed);
          return () => socket.destroy();
        });
    }
    case 'ssh':
      return (receive, signal) =>
        handed(receive, signal, (ready, failed) => {
          const client = new Client();
          client
            .once('ready', () =>
              client.exec('docker system dial-stdio', (error, channel) => {
                if (error) return failed(error);
                channel.once('close', () => client.end());
                ready(channel);
              }),
            )
            // Kept after the channel is handed over: a later client error must not go unhandled.
            .on('error', failed)
            .connect(ssh(spec));
          return () => client.end();
        });
  }
}

function plain(receive: Receive, signal: AbortSignal, where: { path: string } | { host: string; port: number }): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    const socket: Socket = netConnect({ ...where, onread: { buffer, callback: (length) => receive(buffer.subarray(0, length)) } });
    const onAbort = () => socket.destroy();
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
    socket.once('close', () => reject(Object.assign(new Error('the connection was cancelled'), { name: 'AbortError', cause: signal.reason as unknown })));
  });
}

/** A connection that emits its own chunks; each goes to `receive`, which may pause it. */
function handed(
  receive: Receive,
  signal: AbortSignal,
  open: (ready: (stream: Duplex) => void, failed: (error: Error) => void) => () => void,
): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const close = open(
      (stream) => {
        settled = true;
        signal.removeEventListener('abort', onAbort);
        stream.on('data', (chunk: Buffer) => {
          if (!receive(chunk)) stream.pause();
        });
        resolve(stream);
      },
      (error) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        close();
        reject(error);
      },
    );
    const onAbort = () => {
      if (settled) return;
      settled = true;
      close();
      reject(Object.assign(new Error('the connection was cancelled'), { name: 'AbortError', cause: signal.reason as unknown }));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
