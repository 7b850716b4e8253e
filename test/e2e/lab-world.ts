import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentOf, waitForEdit } from '../support/fake-discord/lab.js';
import { IDS } from '../support/fake-discord/payloads.js';
import { FakeDiscord, type RecordedCall } from '../support/fake-discord/server.js';
import { dockerAt } from '../support/docker-cli.js';
import { importBusybox } from '../support/lab-images.js';
import { FAKE_TOKEN, startBot, type BotProcess } from './bot-process.js';

export type Json = Record<string, any>;

export const MENTION = `<@${IDS.application}>`;
export const EPHEMERAL = 64;
export const NO_PINGS = { parse: [], replied_user: false };

/** The lab admin channel, the admin role and user, and the audit channel, as the bot is configured. */
const ADMIN_ENV = {
  GORAE_ADMIN_CHANNELS: IDS.labChannel,
  GORAE_ADMIN_ROLES: IDS.adminRole,
  GORAE_ADMIN_USERS: IDS.engineer,
  GORAE_AUDIT_CHANNEL: IDS.auditChannel,
};

/**
 * One bot process on a fake Discord, with the lab on the test engine: a busybox image under a
 * repository name of its own (`repo`), so listings and cleanup touch only what this world made.
 */
export async function startLabWorld(dockerHost: string, env: Record<string, string> = {}) {
  const run = randomUUID().slice(0, 8);
  const repo = `gorae-dlab-${run}`;
  const app = `${repo}/app:1`;
  const docker = (...args: string[]) => dockerAt(dockerHost, args);
  const [fake] = await Promise.all([FakeDiscord.start({ token: FAKE_TOKEN }), importBusybox(dockerHost, app)]);
  const bot: BotProcess = await startBot({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    GORAE_GUILD_ID: IDS.guild,
    DOCKER_HOST: dockerHost,
    ...ADMIN_ENV,
    ...env,
  });
  await fake.waitForCall((call) => call.method === 'PUT' && call.path.endsWith('/commands'), 30_000).catch((error: Error) => {
    throw new Error(`${error.message}\nbot output:\n${bot.output()}`);
  });
  const exchange = join(bot.dir, 'exchange');
  const auditPath = join(bot.dir, 'audit.jsonl');
  await mkdir(exchange, { recursive: true });
  return {
    run,
    repo,
    app,
    fake,
    bot,
    exchange,
    auditPath,
    docker,
    /** Every line of the audit log so far. */
    async audit(): Promise<Json[]> {
      const text = await readFile(auditPath, 'utf8').catch(() => '');
      return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Json);
    },
    /** The exchange folder's file names, sorted. */
    async files(): Promise<string[]> {
      return (await readdir(exchange).catch(() => [] as string[])).sort();
    },
    /** Tags and ids of this world's images, and its containers: what must not change after a refusal. */
    async engineState(): Promise<string> {
      const images = await docker('images', '-a', '--no-trunc', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}');
      const containers = await docker('ps', '-a', '--no-trunc', '--format', '{{.Names}} {{.ID}} {{.Status}}');
      const ours = (text: string) => text.split('\n').filter((line) => line.includes(run)).sort().join('\n');
      return `${ours(images.stdout)}\n--\n${ours(containers.stdout)}`;
    },
    async hasImage(tag: string): Promise<boolean> {
      return docker('image', 'inspect', tag).then(() => true, () => false);
    },
    async stop(): Promise<void> {
      await bot.kill();
      await fake.stop();
      const containers = await docker('ps', '-aq', '--filter', `name=${run}`).catch(() => ({ stdout: '' }));
      const ids = containers.stdout.split('\n').filter(Boolean);
      if (ids.length > 0) await docker('rm', '-f', ...ids).catch(() => undefined);
      const images = await docker('images', '--format', '{{.Repository}}:{{.Tag}}').catch(() => ({ stdout: '' }));
      const tags = images.stdout.split('\n').filter((tag) => tag.startsWith(repo));
      if (tags.length > 0) await docker('rmi', '-f', ...tags).catch(() => undefined);
    },
  };
}

export type LabWorld = Awaited<ReturnType<typeof startLabWorld>>;

/** Whether an edit is the end of a request: not "working", not progress, not a question waiting for a click. */
export const isFinal = (body: Json): boolean =>
  !String(body.content ?? '').startsWith('⏳') && !(body.components ?? []).some((row: Json) => row.components.some((button: Json) => /^gorae:lab:(yes|no):/.test(button.custom_id)));

/** The last edit of an interaction's reply, once it is final. */
export async function finalEdit(world: LabWorld, interaction: string, timeoutMs = 20_000): Promise<RecordedCall> {
  return waitForEdit(world.fake, { interaction }, isFinal, timeoutMs);
}

/** An interaction callback's `data`: the message or choices it carries. */
export const data = (call: RecordedCall): Json => (call.body as Json).data as Json;

/** The edits that show a progress bar. */
export const progressEdits = (edits: readonly RecordedCall[]): RecordedCall[] => edits.filter((call) => /^⏳[\s\S]*\[[█░]+\]/.test(contentOf(call)));

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every call the fake Discord answered with an error, as "METHOD path response". */
export const rejectedCalls = (world: LabWorld): string[] =>
  world.fake.calls.filter((call) => call.status >= 400).map((call) => `${call.method} ${call.path} ${JSON.stringify(call.response)}`);

/** Every message the bot sent or edited (channel messages, replies, updates, follow-ups, edits), with the mention settings it carried. */
export const sentMessages = (world: LabWorld): Array<{ where: string; allowedMentions: unknown }> =>
  world.fake.calls
    .filter(
      (call) =>
        call.method === 'PATCH' ||
        (call.method === 'POST' && (call.path.endsWith('/messages') || call.path.startsWith('/webhooks/'))) ||
        [4, 7].includes((call.body as Json | undefined)?.type),
    )
    .map((call) => ({ where: `${call.method} ${call.path}`, allowedMentions: ((call.path.includes('/callback') ? data(call) : call.body) as Json).allowed_mentions }));

export { contentOf };
