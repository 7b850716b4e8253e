import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate authority and the certificates it signed, as PEM files in one folder. */
export interface Pki {
  readonly dir: string;
  /** Writes ca.pem / cert.pem / key.pem for a client of this CA into `folder` (a host's TLS folder). */
  clientFolder(folder: string): Promise<void>;
  readonly server: { readonly ca: string; readonly cert: string; readonly key: string };
  cleanup(): Promise<void>;
}

async function openssl(dir: string, ...args: string[]): Promise<void> {
  await run('openssl', args, { cwd: dir });
}

async function signed(dir: string, name: string, extensions: string): Promise<void> {
  await openssl(dir, 'req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
  await writeFile(join(dir, `${name}.ext`), extensions);
  await openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
}

/** A throwaway CA (made with the openssl CLI) with one server certificate for 127.0.0.1 and one client. */
export async function makePki(): Promise<Pki> {
  const dir = await mkdtemp(join(tmpdir(), 'gorae-pki-'));
  await openssl(dir, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=gorae-test-ca');
  await signed(dir, 'server', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  await signed(dir, 'client', 'extendedKeyUsage=clientAuth\n');
  const read = (file: string) => readFile(join(dir, file), 'utf8');
  const [ca, cert, key, clientCert, clientKey] = await Promise.all([read('ca.pem'), read('server.pem'), read('server-key.pem'), read('client.pem'), read('client-key.pem')]);
  return {
    dir,
    server: { ca, cert, key },
    async clientFolder(folder) {
      await mkdir(folder, { recursive: true });
      await Promise.all([writeFile(join(folder, 'ca.pem'), ca), writeFile(join(folder, 'cert.pem'), clientCert), writeFile(join(folder, 'key.pem'), clientKey)]);
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface TlsEngine {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The real engine behind a TLS listener that demands a client certificate from `pki`: what a
 * `dockerd --tlsverify -H tcp://…` host looks like to Gorae, without a second engine.
 */
export async function tlsInFrontOf(socketPath: string, pki: Pki): Promise<TlsEngine> {
  const open = new Set<{ destroy(): void }>();
  const server: Server = createServer({ ...pki.server, requestCert: true, rejectUnauthorized: true }, (client) => {
    const engine = connect(socketPath);
    open.add(client).add(engine);
    client.pipe(engine).pipe(client);
    const close = () => {
      client.destroy();
      engine.destroy();
    };
    client.on('error', close);
    engine.on('error', close);
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
      }),
  };
}
