import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './gateway.js';
import { BOT_USER, IDS, sentMessage, snowflake } from './payloads.js';
import { choiceProblems, commandProblems, formBodyError, isEmptyMessage, messageProblems, modalProblems, type Problem } from './validate.js';

type Json = Record<string, unknown>;

/** A file the bot attached to a message (multipart `files[n]`). */
export interface RecordedFile {
  readonly name: string;
  readonly data: Buffer;
}

/** One REST request the bot made, as the fake saw and answered it. */
export interface RecordedCall {
  readonly method: string;
  /** When the request arrived (ms since the epoch), to check how often the bot edits. */
  readonly at: number;
  /** The route after `/api/v10`, percent-decoded: `/interactions/123/tok/callback`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The JSON body, or a multipart request's `payload_json`. */
  readonly body: unknown;
  readonly files: readonly RecordedFile[];
  readonly authorized: boolean;
  status: number;
  response: unknown;
  /** True once the whole response reached the bot (false if the bot went away first). */
  delivered: boolean;
}

interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

interface InteractionState {
  readonly type: number;
  readonly channelId: string;
  readonly user: Json;
  readonly owners: unknown;
  acknowledged: boolean;
}

const API = '/api/v10';

/**
 * A local stand-in for Discord: REST under `/api/v10` and the gateway websocket on the same port of
 * 127.0.0.1. It checks what Discord checks (auth, limits, one response per interaction) and records
 * every call so tests can assert on what the bot sent.
 */
export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  readonly gateway: FakeGateway;
  /** Commands as the bot last registered them (global or guild), with the ids Discord gave them. */
  commands: Json[] = [];
  /** Where they were registered: `/applications/…/commands`, or a guild's. */
  private commandsPath = '';
  /** Holds every REST response this long: lets a test catch the bot with replies in flight. */
  responseDelayMs = 0;
  private readonly refusals: { matches: (call: RecordedCall) => boolean; reply: Reply }[] = [];
  private readonly interactions = new Map<string, InteractionState>();
  private readonly messages = new Map<string, Json>();
  private readonly server: Server;
  private port = 0;

  private constructor(readonly token: string, heartbeatInterval: number) {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.gateway = new FakeGateway(token, () => `ws://127.0.0.1:${this.port}/gateway`, heartbeatInterval);
    this.server.on('upgrade', (request, socket, head) => this.gateway.upgrade(request, socket, head));
  }

  static async start(options: { token: string; heartbeatInterval?: number }): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options.token, options.heartbeatInterval ?? 2_000);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What `DISCORD_API_URL` should be for a bot talking to this fake. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Sends an interaction over the gateway and remembers it so its callback can be checked. */
  async interact(payload: Json): Promise<string> {
    const id = String(payload.id);
    this.interactions.set(id, {
      type: Number(payload.type),
      channelId: String(payload.channel_id),
      user: ((payload.member as Json | undefined)?.user ?? payload.user) as Json,
      owners: payload.authorizing_integration_owners,
      acknowledged: false,
    });
    await this.gateway.dispatch('INTERACTION_CREATE', payload);
    return id;
  }

  /** A message Discord holds, by id: what the bot sent, as later shown on a button interaction. */
  message(id: string): Json {
    const found = this.messages.get(id);
    if (!found) throw new Error(`the fake holds no message ${id}`);
    return found;
  }

  /** Answers the next call matching `matches` with an error, as Discord does when permissions or tokens fail. */
  refuseNext(matches: (call: RecordedCall) => boolean, status: number, body: { message: string; code: number }): void {
    this.refusals.push({ matches, reply: { status, body } });
  }

  /** Waits for the first recorded call matching `predicate`, checking past calls first. */
  async waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 10_000): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find((call) => call.delivered && predicate(call));
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = this.calls.map((call) => `${call.method} ${call.path} → ${call.status}`).join('\n  ');
        throw new Error(`no matching call to the fake Discord within ${timeoutMs} ms; calls so far:\n  ${seen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const { body, files } = await decodeBody(request.headers['content-type'], await readBody(request));
    const call: RecordedCall = {
      method: request.method ?? 'GET',
      at: Date.now(),
      path: decodeURIComponent(url.pathname.startsWith(API) ? url.pathname.slice(API.length) : url.pathname),
      query: Object.fromEntries(url.searchParams),
      body,
      files,
      authorized: request.headers.authorization === `Bot ${this.token}`,
      status: 0,
      response: undefined,
      delivered: false,
    };
    this.calls.push(call);
    const refusal = this.refusals.findIndex((entry) => entry.matches(call));
    const reply = refusal >= 0 ? this.refusals.splice(refusal, 1)[0]!.reply : url.pathname.startsWith(API) ? this.route(call) : notFound();
    call.status = reply.status;
    call.response = reply.body;
    if (this.responseDelayMs) await new Promise((resolve) => setTimeout(resolve, this.responseDelayMs));
    response.on('finish', () => (call.delivered = true));
    response.writeHead(reply.status, reply.body === undefined ? {} : { 'content-type': 'application/json' });
    response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }

  private route(call: RecordedCall): Reply {
    const parts = call.path.split('/').filter(Boolean);
    const body = withAttachments((call.body ?? {}) as Json, call.files);
    const route = `${call.method} ${parts.map((part) => (/^\d+$/.test(part) ? ':id' : part)).join('/')}`;
    if (call.method === 'POST' && parts[0] === 'interactions' && parts[3] === 'callback' && parts.length === 4) {
      return this.callback(parts[1]!, body, call);
    }
    if (parts[0] === 'webhooks' && parts[1] === IDS.application) return this.webhook(call.method, parts, body);
    if (!call.authorized) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    switch (route) {
      case 'GET gateway/bot':
        return {
          status: 200,
          body: {
            url: `ws://127.0.0.1:${this.port}/gateway`,
            shards: 1,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
          },
        };
      case 'GET applications/@me':
        return { status: 200, body: { id: IDS.application, name: 'Gorae', flags: 0, bot: { ...BOT_USER } } };
      case 'GET applications/:id/commands':
      case 'GET applications/:id/guilds/:id/commands':
        return { status: 200, body: call.path === this.commandsPath ? this.commands : [] };
      case 'PUT applications/:id/commands':
      case 'PUT applications/:id/guilds/:id/commands':
        return this.register(call.path, call.body);
      case 'POST channels/:id/messages':
        return this.createMessage(parts[1]!, body);
      case 'GET channels/:id/messages/:id':
        return this.fetchMessage(parts[1]!, parts[3]!);
      case 'PATCH channels/:id/messages/:id':
        return this.editMessage(parts[1]!, parts[3]!, body);
      case 'POST channels/:id/typing':
        return { status: 204 };
      default:
        return notFound();
    }
  }

  private register(path: string, body: unknown): Reply {
    const problems = commandProblems(body);
    if (problems.length) return invalid(problems);
    this.commandsPath = path;
    this.commands = (body as Json[]).map((command) => ({ ...command, id: snowflake(), application_id: IDS.application, version: snowflake() }));
    return { status: 200, body: this.commands };
  }

  private createMessage(channelId: string, body: Json): Reply {
    if (!CHANNELS.has(channelId)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    const problems = messageProblems(body);
    if (problems.length) return invalid(problems);
    if (isEmptyMessage(body)) return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
    return { status: 200, body: this.keep(sentMessage(body, channelId)) };
  }

  private fetchMessage(channelId: string, messageId: string): Reply {
    const found = this.messages.get(messageId);
    return found && found.channel_id === channelId ? { status: 200, body: found } : { status: 404, body: { message: 'Unknown Message', code: 10008 } };
  }

  /** An edit of a message the bot sent in a channel: what it sends replaces those parts, the id stays. */
  private editMessage(channelId: string, messageId: string, body: Json): Reply {
    const existing = this.messages.get(messageId);
    if (!existing || existing.channel_id !== channelId) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    const problems = messageProblems(body);
    if (problems.length) return invalid(problems);
    const changed = Object.fromEntries(['content', 'embeds', 'components', 'attachments', 'flags'].filter((key) => key in body).map((key) => [key, body[key]]));
    return { status: 200, body: this.keep({ ...existing, ...changed, edited_timestamp: new Date().toISOString() }) };
  }

  /** Interaction callbacks: the right type for the interaction, valid data, and only one per interaction. */
  private callback(interactionId: string, body: Json, call: RecordedCall): Reply {
    const interaction = this.interactions.get(interactionId);
    if (!interaction) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    if (interaction.acknowledged) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    const type = Number(body.type);
    // Commands and buttons may answer with a modal (9); a submitted modal may not open another.
    const allowed = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] }[interaction.type as 2 | 3 | 4 | 5] ?? [];
    if (!allowed.includes(type)) return invalid([{ path: ['type'], code: 'INTERACTION_CALLBACK_TYPE', message: `Callback type ${type} is not valid for this interaction.` }]);
    const data = (body.data ?? {}) as Json;
    const problems = type === 8 ? choiceProblems(data) : type === 9 ? modalProblems(data) : messageProblems(data, ['data']);
    if (problems.length) return invalid(problems);
    if (type === 4 && isEmptyMessage(data)) return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
    interaction.acknowledged = true;
    if (type === 4 || type === 7) {
      const metadata = {
        interaction_metadata: { id: interactionId, type: interaction.type, user: interaction.user, authorizing_integration_owners: interaction.owners },
      };
      this.keep(sentMessage(data, interaction.channelId, metadata), `interaction:${interactionId}`);
    }
    if (call.query.with_response !== 'true') return { status: 204 };
    return { status: 200, body: { interaction: { id: interactionId, type: interaction.type }, resource: { type } } };
  }

  private webhook(method: string, parts: string[], body: Json): Reply {
    const token = parts[2] ?? '';
    const interactionId = token.replace('interaction-token-', '');
    const interaction = this.interactions.get(interactionId);
    if (!interaction?.acknowledged) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
    const problems = messageProblems(body);
    if (problems.length) return invalid(problems);
    if (method === 'PATCH' && parts[3] === 'messages' && parts[4] === '@original') {
      // The original response keeps its id through every edit, as on Discord.
      const previous = this.messages.get(`interaction:${interactionId}`);
      const edited = { ...sentMessage(body, interaction.channelId), ...(previous ? { id: previous.id } : {}) };
      return { status: 200, body: this.keep(edited, `interaction:${interactionId}`) };
    }
    if (method === 'POST' && parts.length === 3) return { status: 200, body: this.keep(sentMessage(body, interaction.channelId)) };
    return notFound();
  }

  /** Stores a sent message under its id (and an alias), so tests can click its buttons later. */
  private keep(message: Json, alias?: string): Json {
    this.messages.set(String(message.id), message);
    if (alias) this.messages.set(alias, message);
    return message;
  }
}

const notFound = (): Reply => ({ status: 404, body: { message: '404: Not Found', code: 0 } });

/** Channels the fake's guild and DM hold; messages anywhere else are refused as Discord would. */
const CHANNELS = new Set<string>([IDS.channel, IDS.dm, IDS.labChannel, IDS.labThread, IDS.auditChannel]);

/** A JSON body, or a multipart one (files plus `payload_json`) as discord.js sends attachments. */
async function decodeBody(type: string | undefined, raw: Buffer): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (!type?.startsWith('multipart/form-data')) return { body: raw.length ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined, files: [] };
  const form = await new Request('http://fake.invalid/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
  const files: RecordedFile[] = [];
  for (const [, value] of form) if (typeof value !== 'string') files.push({ name: value.name, data: Buffer.from(await value.arrayBuffer()) });
  const payload = form.get('payload_json');
  return { body: typeof payload === 'string' ? (JSON.parse(payload) as unknown) : {}, files };
}

/** Attachments as Discord reports them on the message, for files uploaded with it. */
function withAttachments(body: Json, files: readonly RecordedFile[]): Json {
  if (files.length === 0) return body;
  const attachments = files.map((file) => ({
    id: snowflake(),
    filename: file.name,
    size: file.data.length,
    url: `http://127.0.0.1/attachments/${file.name}`,
    proxy_url: `http://127.0.0.1/attachments/${file.name}`,
    content_type: 'text/plain; charset=utf-8',
  }));
  return { ...body, attachments };
}
const invalid = (problems: readonly Problem[]): Reply => ({ status: 400, body: formBodyError(problems) });

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
