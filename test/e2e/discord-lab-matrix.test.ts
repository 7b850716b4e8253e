import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { resources } from '../../bot/i18n.js';
import { contentOf, useLab, waitForEdit } from '../support/fake-discord/lab.js';
import { channelIdOf, IDS, type CommandOption, type Person, type Place } from '../support/fake-discord/payloads.js';
import { clickButton, say } from '../support/fake-discord/people.js';
import type { RecordedCall } from '../support/fake-discord/server.js';
import { COMPONENTS_V2 } from '../support/fake-discord/validate.js';
import { EPHEMERAL, isFinal, MENTION, NO_PINGS, startLabWorld, type Json, type LabWorld } from './lab-world.js';

const PLACES = ['lab', 'thread', 'guild', 'dm'] as const satisfies readonly Place[];
const PEOPLE = ['operator', 'engineer', 'student'] as const satisfies readonly Person[];
const ACTIONS = ['ps', 'images', 'save', 'load'] as const;
const WAYS = ['slash', 'mention'] as const;

interface Cell {
  readonly place: (typeof PLACES)[number];
  readonly person: (typeof PEOPLE)[number];
  readonly action: (typeof ACTIONS)[number];
  readonly way: (typeof WAYS)[number];
  readonly key: string;
}

const CELLS: Cell[] = PLACES.flatMap((place) =>
  PEOPLE.flatMap((person) =>
    ACTIONS.flatMap((action) => WAYS.map((way) => ({ place, person, action, way, key: `${place}-${person}-${action}-${way}` }))),
  ),
);

/** Exactly these run: an admin channel (or its thread) AND an admin role (operator) or admin user (engineer). */
const allowed = (cell: Cell): boolean => (cell.place === 'lab' || cell.place === 'thread') && cell.person !== 'student';

/**
 * What each cell must end as: it ran, it was refused, or (a chat line outside the admin channels) it
 * was answered as a question — with the refused lab attempt still in the audit log.
 */
const expected = (cell: Cell): 'ran' | 'refused' | 'question' =>
  allowed(cell) ? 'ran' : cell.way === 'mention' && (cell.place === 'guild' || cell.place === 'dm') ? 'question' : 'refused';

/**
 * A question from a lab admin (by user anywhere, by role where Discord sends roles) says why nothing
 * ran, in the server's language (Korean here): a docker line is nobody's. A DM has no server: English.
 */
const noteOf = (cell: Cell): string | undefined =>
  cell.person === 'engineer' || (cell.person === 'operator' && cell.place === 'guild')
    ? resources[cell.place === 'dm' ? 'en' : 'ko'].discord.lab.asQuestion[cell.place === 'dm' ? 'dm' : 'channel']
    : undefined;

const reasonOf = (cell: Cell): string => (cell.place === 'dm' ? 'lab.gate.dm' : cell.place === 'guild' ? 'lab.gate.channel' : 'lab.gate.person');

/** Slash replies follow the person's client (en-US here); chat replies follow the server's language (Korean). */
const gateText = (reason: string, lang: 'en' | 'ko'): string => `⚠️ ${resources[lang].lab.gate[reason.split('.').at(-1) as 'dm' | 'channel' | 'person']}`;

describe('who may run lab actions on Discord: every place × person × action, by slash command and by mention', () => {
  let world: LabWorld;
  const outcomes = new Map<string, string>();
  let before: { engine: string; files: string[] };

  const containerFilter = () => `dlab-${world.run}-m`;
  const loadTag = (cell: Cell) => `${world.repo}/l-${cell.key}:1`;
  const archiveOf = (cell: Cell) => (allowed(cell) ? `l-${cell.key}.tar` : 'refused.tar');

  function slashOptions(cell: Cell): CommandOption[] {
    switch (cell.action) {
      case 'ps':
        return [{ name: 'all', value: true }, { name: 'name', value: containerFilter() }];
      case 'images':
        return [];
      case 'save':
        return [{ name: 'image', value: world.app }, { name: 'file', value: `m-${cell.key}.tar` }];
      case 'load':
        return [{ name: 'file', value: archiveOf(cell) }];
    }
  }

  function chatLine(cell: Cell): string {
    switch (cell.action) {
      case 'ps':
        return `docker ps -a --filter name=${containerFilter()}`;
      case 'images':
        return 'docker images';
      case 'save':
        return `docker save ${world.app} -o m-${cell.key}.tar`;
      case 'load':
        return `docker load -i ${archiveOf(cell)}`;
    }
  }

  /** Runs one cell as a person would, clicking Confirm when a load asks, and says how it ended. */
  async function runCell(cell: Cell): Promise<string> {
    const actor = { person: cell.person, place: cell.place, locale: 'en-US' };
    if (cell.way === 'slash') {
      const { id, callback } = await useLab(world.fake, cell.action, slashOptions(cell), actor);
      const privately = ((callback.body as Json).data?.flags ?? 0) === EPHEMERAL;
      if (cell.action === 'load' && !privately) {
        await waitForEdit(world.fake, { interaction: id }, (body) => (body.components ?? []).length > 0);
        await clickButton(world.fake, world.fake.message(`interaction:${id}`), 'Load it', actor);
      }
      return ending(await waitForEdit(world.fake, { interaction: id }, isFinal), privately);
    }
    const reply = await say(world.fake, cell.place === 'dm' ? chatLine(cell) : `${MENTION} ${chatLine(cell)}`, actor);
    const body = reply.body as Json;
    // An answer is a Components V2 message, a note on why the line did not run the text above its container;
    // a line that is a Docker command is explained instead, in an embed with the note as its content.
    if (Number(body.flags) & COMPONENTS_V2) return body.components[0].type === 10 ? `question:${body.components[0].content}` : 'question';
    if ((body.embeds ?? []).length > 0) return body.content ? `question:${body.content}` : 'question';
    if (!contentOf(reply).startsWith('⏳')) return ending(reply, false);
    const target = { channel: channelIdOf(cell.place), message: String((reply.response as Json).id) };
    if (cell.action === 'load') {
      await waitForEdit(world.fake, target, (edit) => (edit.components ?? []).length > 0);
      await clickButton(world.fake, world.fake.message(target.message), resources.ko.discord.lab.confirm.yes, actor);
    }
    return ending(await waitForEdit(world.fake, target, isFinal), false);
  }

  function ending(call: RecordedCall, privately: boolean): string {
    const content = contentOf(call);
    expect((call.body as Json).allowed_mentions).toEqual(NO_PINGS);
    if (content.startsWith('⚠️')) return privately ? `refused:${content}` : `refused-publicly:${content}`;
    const table = /`docker (ps|images)[^`]*`/.test(content.split('\n')[0]!);
    return content.startsWith('✅') || table ? 'ran' : `unexpected:${content}`;
  }

  beforeAll(async () => {
    world = await startLabWorld(inject('dockerHost'));
    await world.docker('create', '--name', `dlab-${world.run}-m1`, world.app, 'sleep', '1');
    // One archive per load cell that may run, each carrying a tag of its own; one shared by the refused cells.
    const archives = CELLS.filter((cell) => cell.action === 'load' && allowed(cell)).map((cell) => [loadTag(cell), archiveOf(cell)] as const);
    archives.push([`${world.repo}/refused:1`, 'refused.tar']);
    await Promise.all(
      archives.map(async ([tag, file]) => {
        await world.docker('tag', world.app, tag);
        await world.docker('save', '-o', join(world.exchange, file), tag);
        await world.docker('rmi', tag);
      }),
    );
  });

  beforeEach(({ onTestFailed }) => onTestFailed(() => console.error(`bot output (last 6000 characters):\n${world.bot.output().slice(-6_000)}`)));

  afterAll(async () => {
    await world?.stop();
  });

  it('refuses every cell outside "admin channel AND admin", touching neither the engine nor the exchange folder', async () => {
    before = { engine: await world.engineState(), files: await world.files() };
    const refused = CELLS.filter((cell) => !allowed(cell));
    const results = await Promise.all(refused.map(runCell));
    refused.forEach((cell, index) => outcomes.set(cell.key, results[index]!));
    for (const cell of refused) {
      const outcome = outcomes.get(cell.key)!;
      if (expected(cell) === 'question') expect(outcome, cell.key).toBe(noteOf(cell) ? `question:${noteOf(cell)}` : 'question');
      else if (cell.way === 'slash') expect(outcome, cell.key).toBe(`refused:${gateText(reasonOf(cell), 'en')}`);
      else expect(outcome, cell.key).toBe(`refused-publicly:${gateText(reasonOf(cell), 'ko')}`);
    }
    expect(await world.engineState()).toBe(before.engine);
    expect(await world.files()).toEqual(before.files);
    expect(await world.hasImage(`${world.repo}/refused:1`)).toBe(false);
  });

  it('runs every cell inside "admin channel AND admin": tables, saved files, loaded images', async () => {
    const runs = CELLS.filter(allowed);
    const lists = runs.filter((cell) => cell.action === 'ps' || cell.action === 'images');
    const results = await Promise.all(lists.map(runCell));
    lists.forEach((cell, index) => outcomes.set(cell.key, results[index]!));
    // One save or load per host at a time: the archive cells take turns.
    for (const cell of runs.filter((each) => each.action === 'save' || each.action === 'load')) outcomes.set(cell.key, await runCell(cell));
    for (const cell of runs) expect(outcomes.get(cell.key), cell.key).toBe('ran');
    for (const cell of runs.filter((each) => each.action === 'save')) {
      await expect(access(join(world.exchange, `m-${cell.key}.tar`))).resolves.toBeUndefined();
      await expect(access(join(world.exchange, `m-${cell.key}.tar.sha256`))).resolves.toBeUndefined();
    }
    for (const cell of runs.filter((each) => each.action === 'load')) expect(await world.hasImage(loadTag(cell)), cell.key).toBe(true);
    const refusedFiles = CELLS.filter((cell) => cell.action === 'save' && !allowed(cell)).map((cell) => `m-${cell.key}.tar`);
    expect((await world.files()).filter((file) => refusedFiles.includes(file))).toEqual([]);
  });

  it('puts every cell in the audit log: a refusal line, or an attempt before and an outcome after', async () => {
    const audit = await world.audit();
    const observed = new Map<string, string>();
    for (const cell of CELLS) {
      const lines = audit.filter(
        (entry) =>
          entry.channel === channelIdOf(cell.place) &&
          entry.user.id === IDS[cell.person] &&
          entry.action === cell.action &&
          'line' in entry.arguments === (cell.way === 'mention'),
      );
      const shape = lines.map((entry) => `${entry.phase}:${entry.outcome}${entry.reason ? `:${entry.reason}` : ''}`);
      const audited = { ran: ['attempt:started', 'outcome:ran'], refused: [`attempt:refused:${reasonOf(cell)}`], question: [`attempt:refused:${reasonOf(cell)}`] }[expected(cell)];
      expect(shape, cell.key).toEqual(audited);
      expect(lines.every((entry) => entry.guild === (cell.place === 'dm' ? null : IDS.guild))).toBe(true);
      const outcome = outcomes.get(cell.key)!.replace(/:.*/s, '').replace('-publicly', '');
      const reason = lines[0]?.reason as string | undefined;
      const shown = expected(cell) === 'question' ? `answered${noteOf(cell) ? ' + note' : ''}` : outcome;
      observed.set(cell.key, reason ? `${shown} · ${reason.replace('lab.gate.', '')}` : shown);
    }
    const header = ACTIONS.flatMap((action) => WAYS.map((way) => `${action} ${way}`));
    const rows = PLACES.flatMap((place) =>
      PEOPLE.map((person) => `| ${place} × ${person} | ${header.map((column) => observed.get(`${place}-${person}-${column.replace(' ', '-')}`)).join(' | ')} |`),
    );
    console.log(`Lab matrix, as observed (reply) and audited (reason):\n| place × person | ${header.join(' | ')} |\n|---|${header.map(() => '---').join('|')}|\n${rows.join('\n')}`);
  });
});
