import { rm } from 'node:fs/promises';
import { createConnection, createServer, type Socket } from 'node:net';

export interface ThrottledSocket {
  /** What DOCKER_HOST or GORAE_HOSTS should name to go through the proxy. */
  readonly dockerHost: string;
  close(): Promise<void>;
}

/**
 * A unix socket in front of an engine's socket that passes requests through as they are and lets
 * answers through at `bytesPerSecond`, so a small image takes seconds to save: long enough to watch
 * its progress, or to stop the engine half-way. When the engine goes away, so does the connection.
 */
export async function throttledSocket(target: string, path: string, bytesPerSecond: number): Promise<ThrottledSocket> {
  await rm(path, { force: true });
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection(target);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      upstream.pause();
      client.write(chunk, () => setTimeout(() => upstream.resume(), (chunk.length / bytesPerSecond) * 1000));
    });
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    dockerHost: `unix://${path}`,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
