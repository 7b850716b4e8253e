import { ButtonStyle, ComponentType } from 'discord.js';
import { withoutPings } from '../../core/no-pings.js';
import { explain, type Translate } from '../../i18n.js';
import { ALL_HOSTS } from '../../lab/hosts.js';
import type { LabAction } from '../../lab/actions.js';
import { commandLineOf } from '../../lab/command-line.js';
import type { LabOutcome } from '../../lab/run.js';
import { fitMarkdown } from '../fit.js';
import { LIMITS } from '../limits.js';
import type { ButtonRow } from '../render.js';
import { encodeLabButton } from './custom-id.js';
import { inlineCode } from './inline-code.js';
import { tablePages } from './table-pages.js';
import type { Requester } from './origin.js';
import type { PageStore } from './pages.js';
import type { LabReply } from './render.js';

export type ListOutcome = Extract<LabOutcome, { action: 'ps' | 'images' }>;

/** Room left on each page for the title line and its "page 2 of 3". */
const PAGE_LABEL_ROOM = 40;

/**
 * A ps or images table in a code block. When it needs more than one message, the first page comes
 * with ◀ ▶ buttons (for the requester) and the whole table attached as a text file.
 */
export function tableReply(
  t: Translate,
  outcome: ListOutcome,
  action: LabAction,
  owner: Requester,
  store: PageStore,
  total: number,
): LabReply {
  const count = outcome.rows.length;
  const host = outcome.host === ALL_HOSTS ? t('lab:everyHost.name') : outcome.host;
  const vars = { command: inlineCode(commandLineOf(action)), host, count };
  const title = outcome.action === 'ps' ? t('discord:lab.ps.title', vars) : t('discord:lab.images.title', vars);
  const footer = unansweredFooter(t, outcome, total);
  if (count === 0) return { content: `${title}\n${t(emptyKey(action), { host })}${footer}` };
  const pages = tablePages(outcome.table.text, LIMITS.content - title.length - PAGE_LABEL_ROOM - footer.length);
  if (pages.length === 1) return { content: `${title}\n${pages[0]}${footer}` };
  const contents = pages.map((page, index) => `${title} · ${t('lab:table.page', { page: index + 1, pages: pages.length })}\n${page}${footer}`);
  const token = store.keep({ owner, pages: contents });
  return {
    ...pageReply(token, contents, 0),
    files: [{ name: `${outcome.action}-${outcome.host}.txt`, data: Buffer.from(`${outcome.table.text}\n`) }],
  };
}

/** Under a table of every host, on each page: the hosts that did not answer and why, in at most a third of a message. */
function unansweredFooter(t: Translate, outcome: ListOutcome, total: number): string {
  if (outcome.unanswered.length === 0) return '';
  const heading = t('lab:everyHost.unanswered', { failed: outcome.unanswered.length, total });
  const lines = outcome.unanswered.map((failure) => `- **${failure.vars?.host}**: ${explain(t, failure)}`);
  return `\n${fitMarkdown(withoutPings([heading, ...lines].join('\n')), Math.floor(LIMITS.content / 3), '…')}`;
}

/** One page of a stored table, with its buttons. */
export function pageReply(token: string, pages: readonly string[], index: number): LabReply {
  return { content: pages[index]!, components: [pageButtons(token, index, pages.length)] };
}

function pageButtons(token: string, index: number, count: number): ButtonRow {
  const button = (label: string, page: number, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    custom_id: encodeLabButton({ kind: 'page', token, page }),
    label,
    disabled,
  });
  return {
    type: ComponentType.ActionRow,
    components: [button('◀', Math.max(0, index - 1), index === 0), button('▶', Math.min(count - 1, index + 1), index === count - 1)],
  };
}

function emptyKey(action: LabAction) {
  if (action.action === 'images') return action.dangling ? 'lab:images.emptyDangling' : 'lab:images.empty';
  if (action.action === 'ps' && (action.name || action.state)) return 'lab:ps.emptyFiltered';
  return action.action === 'ps' && action.all ? 'lab:ps.emptyAll' : 'lab:ps.empty';
}
