import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PermissionFlagsBits } from 'discord.js';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { configSchema } from '../../bot/config.js';
import { resources } from '../../bot/i18n.js';
import { topicSchema } from '../../bot/knowledge/topic.js';
import { importBusybox } from '../support/lab-images.js';
import { dockerAt } from '../support/docker-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

interface Block {
  readonly lang: string;
  readonly lines: string[];
  /** Only blank lines separate this block from the one before it. */
  readonly followsBlock: boolean;
}

function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let between: string[] = [];
  let open: { lang: string; lines: string[]; followsBlock: boolean } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^```(\S*)\s*$/.exec(line);
    if (fence && !open) {
      open = { lang: fence[1] ?? '', lines: [], followsBlock: blocks.length > 0 && between.every((text) => !text.trim()) };
    } else if (fence && open) {
      blocks.push(open);
      open = undefined;
      between = [];
    } else if (open) open.lines.push(line);
    else between.push(line);
  }
  return blocks;
}

/** Splits a README command line into environment assignments and words; shell syntax beyond quotes is refused. */
function words(line: string): { env: Record<string, string>; argv: string[] } {
  const argv: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const bare = match[3];
    if (bare !== undefined && /[|&;<>$`\\*?()]/.test(bare)) throw new Error(`README example uses shell syntax the test cannot run: ${line}`);
    argv.push(match[1] ?? match[2] ?? bare!);
  }
  const env: Record<string, string> = {};
  while (argv[0] && /^[A-Z_]+=/.test(argv[0])) {
    const [name, ...value] = argv.shift()!.split('=');
    env[name!] = value.join('=');
  }
  return { env, argv };
}

interface Example {
  readonly line: string;
  /** Lines the README shows as this command's output, `…` standing for what varies. */
  readonly shown: string[];
  /** For the chat: the lines typed after its prompt, in order. */
  readonly typed: string[];
}

const TERMINAL = /^(?:[A-Z_]+=\S+\s+)*npx gorae(?:\s|$)/;
/** The chat's prompt as the test runs it (LANG=C.UTF-8: English). */
const PROMPT = resources.en.terminal.chat.prompt;

const examples: Example[] = fencedBlocks(README).flatMap((block, index, blocks) => {
  if (block.lang !== 'sh') return [];
  const commands = block.lines.filter((line) => TERMINAL.test(line));
  const next = blocks[index + 1];
  const output = next?.lang === 'text' && next.followsBlock ? next.lines.filter((line) => line.trim()) : [];
  // A transcript (`gorae> …` lines) is a chat session: what follows the prompt is typed in.
  const typed = output.filter((line) => line.startsWith(PROMPT)).map((line) => line.slice(PROMPT.length));
  const shown = output.filter((line) => !line.startsWith(PROMPT));
  return commands.map((line, i) => (i === commands.length - 1 ? { line, shown, typed } : { line, shown: [], typed: [] }));
});

const squash = (text: string) => text.trim().replace(/\s+/g, ' ');
const pattern = (shown: string) =>
  new RegExp(`^${squash(shown).split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/** The chat prints its prompt before each reply (typed lines are not echoed when stdin is a pipe). */
function unprompted(line: string): string {
  let rest = line;
  while (rest.startsWith(PROMPT)) rest = rest.slice(PROMPT.length);
  return rest;
}

/** Every shown line (but a lone `…`) must appear in the output, in the README's order. */
function missingLines(shown: readonly string[], output: string): string[] {
  const lines = output.split('\n').map((line) => squash(unprompted(line)));
  let at = 0;
  const missing: string[] = [];
  for (const line of shown.filter((text) => text.trim() !== '…')) {
    const found = lines.findIndex((candidate, i) => i >= at && pattern(line).test(candidate));
    if (found < 0) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

describe('the README', () => {
  const dockerHost = inject('dockerHost');
  const madeImages: string[] = [];
  let home: string;

  beforeAll(async () => {
    // The compile step of `npm start` (scripts/setup.mjs), so `npx gorae` runs today's sources from dist/.
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT }).catch((error: { stdout: string; stderr: string }) => {
      throw new Error(`Compiling dist/ failed:\n${error.stdout}${error.stderr}`);
    });
    home = await mkdtemp(join(tmpdir(), 'gorae-readme-'));
    // The save examples presume their images exist; on an engine without them, small stand-ins are made.
    for (const { line } of examples) {
      const { argv } = words(line);
      if (argv[2] !== 'lab' || argv[3] !== 'save') continue;
      for (const image of argv.slice(4).filter((arg) => !arg.startsWith('-') && !arg.endsWith('.tar'))) {
        const present = await dockerAt(dockerHost, ['image', 'inspect', image]).then(() => true, () => false);
        if (!present) {
          await importBusybox(dockerHost, image);
          madeImages.push(image);
        }
      }
    }
  }, 120_000);

  afterAll(async () => {
    if (madeImages.length > 0) await dockerAt(dockerHost, ['rmi', ...madeImages]).catch(() => undefined);
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('shows terminal examples to run, and a chat session', () => {
    expect(examples.map((example) => example.line)).toEqual(expect.arrayContaining(['npx gorae ask "run vs start"', 'npx gorae lab images']));
    const chat = examples.find((example) => example.line === 'npx gorae');
    expect(chat?.typed).toEqual(expect.arrayContaining(['/lang ko', 'docker ps -a', '/quit']));
  });

  // The chat's example is named by its command alone; what is typed in is the README's transcript.
  it.each(examples.map((example) => [example.line, example] as const))('runs `%s` with exit code 0 and the output it shows', async (line, { shown, typed }) => {
    const { env, argv } = words(line);
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(argv[0]!, argv.slice(1), {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: home,
          LANG: 'C.UTF-8',
          DOCKER_HOST: dockerHost,
          GORAE_EXCHANGE_DIR: join(home, 'exchange'),
          GORAE_AUDIT_LOG: join(home, 'audit.jsonl'),
          GORAE_GAPS_FILE: join(home, 'gaps.jsonl'),
          // npm's own "new version available" notice is not Gorae's output.
          npm_config_update_notifier: 'false',
          ...env,
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      // Nothing typed is an empty stdin, as in a script.
      child.stdin.end(typed.map((text) => `${text}\n`).join(''));
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout.trim()).not.toBe('');
    expect(missingLines(shown, result.stdout)).toEqual([]);
  }, 60_000);

  it('lists every environment variable of bot/config.ts in its settings table, and no other', () => {
    const table = README.slice(README.indexOf('## Settings: every environment variable'));
    const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(Object.keys(configSchema.shape).sort());
  });

  it('invites the bot with exactly the bot and applications.commands scopes and the six permissions it explains', () => {
    const url = new URL(/https:\/\/discord\.com\/oauth2\/authorize\S+/.exec(README)![0]);
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(['bot', 'applications.commands']);
    const flags: Record<string, bigint> = {
      'View Channels': PermissionFlagsBits.ViewChannel,
      'Send Messages': PermissionFlagsBits.SendMessages,
      'Send Messages in Threads': PermissionFlagsBits.SendMessagesInThreads,
      'Embed Links': PermissionFlagsBits.EmbedLinks,
      'Attach Files': PermissionFlagsBits.AttachFiles,
      'Read Message History': PermissionFlagsBits.ReadMessageHistory,
    };
    const rows = [...README.matchAll(/^\| ([A-Z][A-Za-z ]+) \| 1 << \d+ \| (\d+) \|/gm)].map(([, name, value]) => [name, BigInt(value!)]);
    expect(Object.fromEntries(rows)).toEqual(flags);
    const total = Object.values(flags).reduce((sum, flag) => sum | flag, 0n);
    expect(BigInt(url.searchParams.get('permissions')!)).toBe(total);
    expect(README).toContain(`| **Total** | | **${total}** | |`);
  });

  it('shows how to run npm start as a service with its token in an EnvironmentFile, and that inviting needs Manage Server', () => {
    const unit = fencedBlocks(README).find((block) => block.lang === 'ini' && block.lines.some((line) => line.startsWith('ExecStart=')));
    expect(unit?.lines).toEqual(expect.arrayContaining(['EnvironmentFile=/etc/gorae.env', 'ExecStart=/usr/bin/npm start']));
    expect(README).toContain('**Manage Server**');
  });

  it('says what GORAE_GUILD_ID is where it first appears', () => {
    const first = README.indexOf('GORAE_GUILD_ID');
    expect(README.slice(first, first + 60).replace(/\s+/gu, ' ')).toContain('is the id of your server');
  });

  it('shows a knowledge topic that the topic schema accepts', () => {
    const example = fencedBlocks(README).find((block) => block.lang === 'yaml' && block.lines[0]?.startsWith('id: '));
    const parsed = topicSchema.safeParse(parse(example!.lines.join('\n')));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});
