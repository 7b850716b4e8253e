import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId } from 'discord.js';
import type { Failure } from '../../core/result.js';
import { withoutPings } from '../../core/no-pings.js';
import { explain, type Translate } from '../../i18n.js';
import type { LoadPlan, LoadReport } from '../../lab/archive/load.js';
import type { Progress } from '../../lab/archive/progress.js';
import type { SaveReport } from '../../lab/archive/save.js';
import { humanSize } from '../../lab/humanize.js';
import { loadSummary, planText, saveSummary } from '../../lab/archive/report-text.js';
import { progressLine } from '../../lab/archive/progress.js';
import { clamp, fitMarkdown } from '../fit.js';
import { LIMITS } from '../limits.js';
import type { ButtonRow } from '../render.js';
import { encodeLabButton } from './custom-id.js';
import { inlineCode } from './inline-code.js';
import { discordCell } from './table-pages.js';
import type { Requester } from './origin.js';

export interface LabFile {
  readonly name: string;
  readonly data: Buffer;
}

/** What a lab reply carries; mentions are always switched off where it is sent. */
export interface LabReply {
  readonly content: string;
  readonly components?: readonly ButtonRow[];
  readonly files?: readonly LabFile[];
}

const FENCE = '```';

/** A code block of whole lines, each made safe; lines that do not fit become one "…". */
export function codeBlock(lines: readonly string[], max: number): string {
  const kept: string[] = [];
  let used = FENCE.length * 2 + 2;
  for (const line of lines.map(discordCell)) {
    if (used + line.length + 1 > max - 2) {
      kept.push('…');
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return `${FENCE}\n${kept.join('\n')}\n${FENCE}`;
}

/**
 * One clear message for a failure. Indented lines (the list of allowed actions) go into a code
 * block so Discord keeps their layout.
 */
export function failureReply(t: Translate, failure: Failure): LabReply {
  const blocks: string[] = [];
  let indented: string[] = [];
  const flush = () => {
    if (indented.length > 0) blocks.push(`${FENCE}\n${indented.join('\n')}\n${FENCE}`);
    indented = [];
  };
  for (const line of withoutPings(explain(t, failure)).split('\n')) {
    if (line.startsWith('  ')) indented.push(line.slice(2).replace(/`/g, 'ˋ'));
    else {
      flush();
      blocks.push(line);
    }
  }
  flush();
  return { content: fitMarkdown(`⚠️ ${blocks.join('\n')}`, LIMITS.content, '…') };
}

export function noticeReply(text: string): LabReply {
  return { content: clamp(withoutPings(text), LIMITS.content) };
}

export function progressReply(t: Translate, command: string, progress: Progress): LabReply {
  const line = progressLine(t(`lab:progress.${progress.phase}`), progress);
  return { content: `⏳ ${inlineCode(command)}\n${FENCE}\n${line}\n${FENCE}` };
}

export function saveReply(t: Translate, report: SaveReport): LabReply {
  const { done, details } = saveSummary(t, report);
  return { content: `✅ ${done}\n${codeBlock(details, LIMITS.content - done.length - 3)}` };
}

/** What a load would change, with the requester's two buttons. */
export function planReply(t: Translate, plan: LoadPlan, owner: Requester, token: string): LabReply {
  const question = t('discord:lab.confirm.question', { host: plan.host, name: owner.name });
  const button = (kind: 'yes' | 'no', label: string, style: ButtonStyle.Success | ButtonStyle.Secondary): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style,
    custom_id: encodeLabButton({ kind, token }),
    label: clamp(label, LIMITS.buttonLabel),
  });
  return {
    content: `${codeBlock(planText(t, plan).split('\n'), LIMITS.content - question.length - 1)}\n${question}`,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [button('yes', t('discord:lab.confirm.yes'), ButtonStyle.Success), button('no', t('discord:lab.confirm.no'), ButtonStyle.Secondary)],
      },
    ],
  };
}

/** What was loaded, then the archive's size and whether its checksum was verified. */
export function loadReply(t: Translate, report: LoadReport): LabReply {
  const done = clamp(loadSummary(t, report, discordCell), LIMITS.content / 2);
  const sidecar = `${report.file}.sha256`;
  const details = [
    t('lab:load.contents', { file: report.file, size: humanSize(report.bytes), count: report.images.length }).replace(/:$/, ''),
    report.checksum === 'verified' ? t('lab:load.verified', { sidecar }) : t('lab:load.unverified', { sidecar }),
  ];
  return { content: `✅ ${done}\n${codeBlock(details, LIMITS.content - done.length - 3)}` };
}
