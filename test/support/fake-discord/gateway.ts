import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreatePayload, readyPayload } from './payloads.js';

type Json = Record<string, unknown>;

interface Frame {
  readonly op: number;
  readonly s?: number | null;
  readonly t?: string | null;
  readonly d?: unknown;
}

interface Session {
  readonly id: string;
  seq: number;
  socket: WebSocket | undefined;
  readonly sent: Frame[];
}

/** What the bot did on the gateway, for assertions. */
export interface GatewayStats {
  identifies: Json[];
  resumes: number;
  heartbeats: number;
  /** Close codes of sockets the bot closed itself (1000 when it shuts down cleanly). */
  closes: number[];
}

/**
 * The gateway side of the fake: HELLO, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE, RESUME →
 * replay + RESUMED, and closing the socket on demand. Plain JSON text frames, no compression.
 */
export class FakeGateway {
  readonly stats: GatewayStats = { identifies: [], resumes: 0, heartbeats: 0, closes: [] };
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private live: Session | undefined;
  private waiters: (() => void)[] = [];
  private sessionCount = 0;
  /** Sockets the fake is closing itself, so their close is not counted as the bot's. */
  private readonly dropping = new Set<WebSocket>();
  /** When false, a RESUME is refused with INVALID_SESSION so the client must identify again. */
  allowResume = true;

  constructor(
    private readonly token: string,
    private readonly url: () => string,
    private readonly heartbeatInterval: number,
  ) {
    this.server.on('connection', (socket) => this.accept(socket));
  }

  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.server.emit('connection', ws, request));
  }

  /** Sends a dispatch to the connected session, waiting for one (after a drop) if need be. */
  async dispatch(t: string, d: unknown, timeoutMs = 15_000): Promise<void> {
    const session = await this.connected(timeoutMs);
    this.send(session, { op: 0, t, s: ++session.seq, d });
  }

  /** Resolves once a session has identified or resumed and holds an open socket. */
  async connected(timeoutMs = 15_000): Promise<Session> {
    const deadline = Date.now() + timeoutMs;
    while (!this.live?.socket) {
      if (Date.now() > deadline) throw new Error('no gateway session connected in time');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.live;
  }

  /** Closes the bot's socket like a network drop or a Discord-side restart (4000: resumable). */
  drop(code = 4000): void {
    const session = this.live;
    if (session?.socket) this.dropping.add(session.socket);
    session?.socket?.close(code, 'fake Discord closed the connection');
    if (session) session.socket = undefined;
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: this.heartbeatInterval } }));
    socket.on('message', (data) => this.receive(socket, JSON.parse(String(data)) as Frame));
    socket.on('close', (code) => {
      if (!this.dropping.delete(socket)) this.stats.closes.push(code);
      for (const session of this.sessions.values()) if (session.socket === socket) session.socket = undefined;
    });
  }

  private receive(socket: WebSocket, frame: Frame): void {
    const d = (frame.d ?? {}) as Json;
    switch (frame.op) {
      case 1:
        this.stats.heartbeats += 1;
        socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
        return;
      case 2:
        if (d.token !== this.token) return socket.close(4004, 'Authentication failed.');
        this.stats.identifies.push({ ...d, token: '[checked]' });
        return this.identify(socket);
      case 6:
        return this.resume(socket, d);
      default:
        return;
    }
  }

  private identify(socket: WebSocket): void {
    const session: Session = { id: `fake-session-${++this.sessionCount}`, seq: 0, socket, sent: [] };
    this.sessions.set(session.id, session);
    this.send(session, { op: 0, t: 'READY', s: ++session.seq, d: readyPayload(session.id, this.url()) });
    this.send(session, { op: 0, t: 'GUILD_CREATE', s: ++session.seq, d: guildCreatePayload() });
    this.goLive(session);
  }

  private resume(socket: WebSocket, d: Json): void {
    const session = this.sessions.get(String(d.session_id));
    if (!this.allowResume || !session || d.token !== this.token) {
      socket.send(JSON.stringify({ op: 9, s: null, t: null, d: false }));
      return;
    }
    this.stats.resumes += 1;
    session.socket = socket;
    for (const frame of session.sent.filter((sent) => (sent.s ?? 0) > Number(d.seq))) socket.send(JSON.stringify(frame));
    this.send(session, { op: 0, t: 'RESUMED', s: ++session.seq, d: {} });
    this.goLive(session);
  }

  private goLive(session: Session): void {
    this.live = session;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private send(session: Session, frame: Frame): void {
    session.sent.push(frame);
    session.socket?.send(JSON.stringify(frame));
  }
}
