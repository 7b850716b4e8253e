import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bulkCall, type StatusError } from '../../bot/lab/engine-bulk.js';
import { connectTo } from '../../bot/lab/engine-connection.js';

let dir: string;
const servers: Server[] = [];
let served = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gorae-bulk-'));
});
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The bulk client the engine port would use for a unix socket: reads go into one reused buffer. */
const clientOf = (socketPath: string) => connectTo({ name: 'peer', kind: 'socket', socketPath }).bulk;

/**
 * A client of a peer on a unix socket that answers any request with `answer`, written in the given
 * pieces one event-loop turn apart, so every split of the HTTP framing across reads can be tried.
 */
async function scripted(answer: Buffer[], options: { close?: boolean } = {}): Promise<Dispatcher> {
  const socketPath = join(dir, `peer-${(served += 1)}.sock`);
  const server = createServer((socket: Socket) => {
    socket.on('error', () => undefined);
    socket.once('data', async () => {
      for (const piece of answer) {
        if (socket.destroyed) return;
        socket.write(piece);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (options.close) socket.end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return clientOf(socketPath);
}

const get = async (client: Dispatcher | Promise<Dispatcher>, signal = new AbortController().signal) =>
  bulkCall(await client, { method: 'GET', path: '/images/get?names=a' }, { signal, onActivity: () => undefined });

async function collect(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(Buffer.from(part as Buffer));
  return Buffer.concat(parts);
}

/** `bytes` cut into pieces of `size` bytes. */
const cut = (bytes: Buffer, size: number): Buffer[] => {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return pieces;
};

const chunkedAnswer = (payload: Buffer, sizes: number[]): Buffer => {
  const parts: Buffer[] = [Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\n\r\n')];
  let at = 0;
  for (const size of sizes) {
    const piece = payload.subarray(at, at + size);
    at += piece.length;
    parts.push(Buffer.from(`${piece.length.toString(16)};ext=1\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\nX-Trailer: yes\r\n\r\n'));
  return Buffer.concat(parts);
};

describe('the bulk calls', () => {
  it('reads a chunked body the same however the framing is split across reads', async () => {
    const payload = randomBytes(3000);
    const answer = chunkedAnswer(payload, [1000, 1, 999, 1000]);
    for (const size of [1, 2, 3, 7, 64, 1000, answer.length]) {
      expect((await collect(await get(scripted(cut(answer, size))))).equals(payload), `pieces of ${size}`).toBe(true);
    }
  });

  it('reads a body framed by its length, and one that runs until the connection closes', async () => {
    const payload = randomBytes(5000);
    const sized = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${payload.length}\r\n\r\n`), payload]);
    expect((await collect(await get(scripted(cut(sized, 333))))).equals(payload)).toBe(true);

    const open = Buffer.concat([Buffer.from('HTTP/1.0 200 OK\r\n\r\n'), payload]);
    expect((await collect(await get(scripted(cut(open, 4096), { close: true })))).equals(payload)).toBe(true);
  });

  it('turns a refusal into the status and the engine message, as docker-modem does', async () => {
    const body = JSON.stringify({ message: 'reference does not exist' });
    const answer = Buffer.from(`HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    const refused = await get(scripted(cut(answer, 5))).then(
      () => undefined,
      (error: StatusError) => error,
    );
    expect(refused).toMatchObject({ statusCode: 404, json: { message: 'reference does not exist' }, message: 'reference does not exist' });
  });

  it('errors the body when the connection ends in the middle of it', async () => {
    const answer = chunkedAnswer(randomBytes(4000), [4000]);
    const body = await get(scripted([answer.subarray(0, 2500)], { close: true }));
    await expect(collect(body)).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('refuses an answer that is not HTTP, and a chunk size that is not a number', async () => {
    await expect(get(scripted([Buffer.from('SSH-2.0-OpenSSH_9.2\r\n\r\n')]))).rejects.toThrow(/not HTTP/);
    const bad = await get(scripted([Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n')]));
    await expect(collect(bad)).rejects.toThrow(/not HTTP/);
  });

  it('ends a cancelled call with an AbortError whose cause is the reason', async () => {
    const control = new AbortController();
    const answer = chunkedAnswer(randomBytes(100), [100]).subarray(0, 120);
    const body = await get(scripted([answer]), control.signal);
    const reason = new Error('user pressed Ctrl+C');
    control.abort(reason);
    await expect(collect(body)).rejects.toMatchObject({ name: 'AbortError', cause: reason });
  });
});

describe('the bulk calls over a real socket', () => {
  let raw: Server;
  let http: HttpServer;
  const received = new Map<string, string>();
  const bigPayload = randomBytes(24 << 20);

  beforeAll(async () => {
    // A peer that answers in small chunks, as the engine does, with 24 MB.
    raw = createServer((socket: Socket) => {
      socket.on('error', () => undefined);
      socket.once('data', async () => {
        socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
        for (const piece of cut(bigPayload, 32 << 10)) {
          socket.write(`${piece.length.toString(16)}\r\n`);
          socket.write(piece);
          if (!socket.write('\r\n')) {
            await new Promise((resolve) => socket.once('drain', resolve));
          }
        }
        socket.end('0\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => raw.listen(join(dir, 'raw.sock'), resolve));
    // node:http reads the request body as any HTTP server would: our chunked framing must pass.
    http = createHttpServer(async (request, response) => {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const part of request) {
        hash.update(part as Buffer);
        bytes += (part as Buffer).length;
      }
      received.set('upload', `${bytes} ${hash.digest('hex')} ${request.headers['transfer-encoding']} ${request.method} ${request.url}`);
      response.end('{"stream":"Loaded image: app:1\\n"}\n');
    });
    await new Promise<void>((resolve) => http.listen(join(dir, 'http.sock'), resolve));
  });
  afterAll(async () => {
    raw.close();
    http.close();
  });

  it('hands on every byte of a large answer to a slow reader, pausing the connection meanwhile', async () => {
    const body = await get(clientOf(join(dir, 'raw.sock')));
    const hash = createHash('sha256');
    let bytes = 0;
    await pipeline(
      body,
      new Writable({
        highWaterMark: 1 << 20,
        write(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          setTimeout(done, 1);
        },
      }),
    );
    expect(bytes).toBe(bigPayload.length);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(bigPayload).digest('hex'));
  });

  it('sends a request body in HTTP chunks that a real HTTP server reads back whole', async () => {
    const upload = randomBytes(5 << 20);
    const answer = await bulkCall(
      clientOf(join(dir, 'http.sock')),
      { method: 'POST', path: '/images/load?quiet=false', body: Readable.from(cut(upload, 700_000)) },
      { signal: new AbortController().signal, onActivity: () => undefined },
    );
    expect((await collect(answer)).toString()).toContain('Loaded image: app:1');
    expect(received.get('upload')).toBe(`${upload.length} ${createHash('sha256').update(upload).digest('hex')} chunked POST /images/load?quiet=false`);
  });
});
