import { connect, type NetConnectOpts, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { sent } from './sent.js';

/** One buffer of this size takes every read of a connection. */
const READ_BYTES = 256 << 10;

/*
 * node:net reads into a fresh 64 kB buffer each time; for a 320 MB save that is 320 MB of new
 * memory for the kernel to fault in, ~0.3 s (measured). Here every read lands in one buffer per
 * connection, and the connection reads again only once undici has parsed what is there: undici
 * parses each chunk synchronously, and what it puts back while it waits (unshift) is copied.
 */
class ReusedReadSocket extends Duplex {
  constructor(readonly socket: Socket) {
    // No read-ahead: a chunk is a view of the one buffer, valid only until the next read.
    super({ readableHighWaterMark: 0 });
    socket.on('end', () => this.push(null));
    socket.on('error', (error) => this.destroy(error));
    socket.on('close', () => this.destroy());
  }

  /** A chunk is taken and its memory read into again: whatever is put back must be a copy. */
  override unshift(chunk: Buffer): void {
    super.unshift(Buffer.from(chunk));
  }

  /**
   * The view pushed last has been taken: the socket may read into the buffer again. net's own
   * _read restarts a read that the onread callback stopped; resume() would not, once flowing.
   */
  override _read(): void {
    if (this.readableLength === 0) this.socket._read(READ_BYTES);
  }

  /** Once net's callback comes, the kernel has the chunk (or never will): its lender may reuse the memory. */
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.socket.write(chunk, (error) => {
      sent(chunk);
      done(error);
    });
  }

  override _final(done: (error?: Error | null) => void): void {
    this.socket.end(done);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.socket.destroy();
    done(error);
  }
}

/** A unix or tcp connection for undici whose reads all go into one reused buffer. */
export function connectReusingReads(where: { path: string } | { host: string; port: number }, callback: (error: Error | null, socket: Duplex | null) => void): void {
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  let wrapper: ReusedReadSocket | undefined;
  const options: NetConnectOpts = {
    ...where,
    onread: {
      buffer,
      callback: (length) => {
        wrapper?.push(buffer.subarray(0, length));
        // Paused after every read until the chunk is taken (_read).
        return false;
      },
    },
  };
  const socket = connect(options);
  const failed = (error: Error) => callback(error, null);
  socket.once('error', failed);
  socket.once('connect', () => {
    socket.off('error', failed);
    wrapper = new ReusedReadSocket(socket);
    callback(null, wrapper);
  });
}
