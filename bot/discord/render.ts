import { ButtonStyle, ComponentType, type APIComponentInContainer } from 'discord.js';
import { otherLang, type Lang } from '../core/lang.js';
import type { Translate } from '../i18n.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Outcome } from '../knowledge/outcome.js';
import type { Topic } from '../knowledge/topic.js';
import { encodeButton, type ButtonAction } from './custom-id.js';
import { clamp, fitMarkdown } from './fit.js';
import { buttonRows, componentCount, container, divider, section, text, v2, type Button, type Reply } from './layout.js';
import { LIMITS, NO_MENTIONS } from './limits.js';

export type { ButtonRow, Reply } from './layout.js';

/** A plain text message (errors, stale buttons, acknowledgements). */
export interface Notice {
  readonly content: string;
  readonly allowedMentions: typeof NO_MENTIONS;
}

/** What rendering needs: the reader's UI language (`t`) and the knowledge base for related topics. */
export interface RenderContext {
  readonly t: Translate;
  readonly knowledge: Knowledge;
}

const COLOR = { answer: 0x2496ed, suggest: 0xf5a623, unknown: 0x99aab5 } as const;
const RELATED_ROWS = 2;
const STARTERS = 5;
/** Text kept free for a note above an answer (`withNote`). */
const NOTE_ROOM = 200;
/** The most the example commands may take of an answer's text, so the answer itself always shows. */
const COMMANDS_SHARE = 0.4;

/** Chrome (labels, footer) speaks the reader's UI language; the topic itself speaks `outcome.lang`. */
export function renderOutcome(outcome: Outcome, context: RenderContext): Reply {
  switch (outcome.status) {
    case 'answer':
      return renderTopic(outcome.topic, outcome.lang, context);
    case 'suggest':
      return renderSuggestions(outcome.suggestions, outcome.lang, context);
    case 'unknown':
      return renderUnknown(outcome.lang, context);
  }
}

/**
 * One container: the title and summary beside the language switch, the answer, the commands as code
 * blocks, related topics as buttons, and the footer with 👍 / 👎.
 */
export function renderTopic(topic: Topic, lang: Lang, { t, knowledge }: RenderContext): Reply {
  const side = topic[lang];
  const header = `## ${side.title}\n**${side.summary}**`;
  const footer = `-# ${t('discord:answer.footer', { id: topic.id, language: t(`discord:language.${lang}`) })}`;
  const room = LIMITS.componentText - NOTE_ROOM - header.length - footer.length;
  const commands = commandsText(topic, lang, t, Math.floor(room * COMMANDS_SHARE));
  const body = fitMarkdown(side.answer.trim(), room - commands.length, t('discord:answer.more'));

  const switcher = button('lang', topic, otherLang(lang), ButtonStyle.Primary, t(`discord:answer.switch.${otherLang(lang)}`), '🌐')!;
  const taken = new Set([switcher.custom_id]);
  const votes = buttonRows([vote('up', topic, lang), vote('down', topic, lang)], 1, taken);
  const related = topic.related
    .map((id) => knowledge.topic(id))
    .filter((other): other is Topic => other !== undefined)
    .map((other) => button('topic', other, lang, ButtonStyle.Secondary));
  const parts: APIComponentInContainer[] = [section(header, switcher), divider(), text(body)];
  if (commands) parts.push(divider(), text(commands));
  const spare = LIMITS.components - componentCount([container(0, [...parts, divider(), text(footer), ...votes])]);
  const relatedRows = buttonRows(related, Math.min(RELATED_ROWS, Math.floor(spare / (LIMITS.buttonsPerRow + 1))), taken);
  if (relatedRows.length) parts.push(divider(), ...relatedRows);
  parts.push(divider(), text(footer), ...votes);
  return v2([container(COLOR.answer, parts)]);
}

function renderSuggestions(suggestions: readonly Topic[], lang: Lang, { t }: RenderContext): Reply {
  const taken = new Set<string>();
  const choices = suggestions.flatMap((topic) => {
    const open = button('topic', topic, lang, ButtonStyle.Primary);
    if (!open || taken.has(open.custom_id)) return [];
    taken.add(open.custom_id);
    return [section(clamp(topic[lang].summary, LIMITS.componentText / (suggestions.length + 1)), open)];
  });
  const [title, body] = choices.length === 1 ? (['discord:suggest.titleOne', 'discord:suggest.bodyOne'] as const) : (['discord:suggest.title', 'discord:suggest.body'] as const);
  return v2([container(COLOR.suggest, [text(`## ${t(title)}\n${t(body)}`), divider(), ...choices])]);
}

/** Never a guess: says so kindly, points to `/ask`, and offers the best-connected topics as a way in. */
function renderUnknown(lang: Lang, context: RenderContext): Reply {
  const { t } = context;
  return starterReply(t('discord:unknown.title'), t('discord:unknown.body', { command: t('discord:commands.ask.name') }), COLOR.unknown, lang, context);
}

/** The answer to a bare mention: how to ask, and where to start. */
export function renderHelp(botName: string, lang: Lang, context: RenderContext): Reply {
  const { t } = context;
  return starterReply(
    t('discord:help.title'),
    t('discord:help.body', { name: botName, command: t('discord:commands.ask.name') }),
    COLOR.answer,
    lang,
    context,
  );
}

/** A plain text notice (errors, stale buttons, thanks for a vote). */
export function renderNotice(content: string): Notice {
  return { content: clamp(content, LIMITS.content), allowedMentions: NO_MENTIONS };
}

function starterReply(title: string, description: string, color: number, lang: Lang, { knowledge }: RenderContext): Reply {
  const starters = starterTopics(knowledge, STARTERS).map((topic) => button('topic', topic, lang, ButtonStyle.Secondary));
  const intro = text(fitMarkdown(`## ${title}\n${description}`, LIMITS.componentText - NOTE_ROOM, '…'));
  return v2([container(color, [intro, divider(), ...buttonRows(starters, 1)])]);
}

/** Topics most often listed as related by others: the hubs a newcomer is best started on. */
export function starterTopics(knowledge: Knowledge, count: number): Topic[] {
  const links = new Map<string, number>();
  for (const topic of knowledge.topics) for (const id of topic.related) links.set(id, (links.get(id) ?? 0) + 1);
  return [...knowledge.topics]
    .sort((a, b) => (links.get(b.id) ?? 0) - (links.get(a.id) ?? 0) || a.id.localeCompare(b.id))
    .slice(0, count);
}

/** "Try it", then each example command in an `sh` block under its explanation, as many as fit in `budget`. */
function commandsText(topic: Topic, lang: Lang, t: Translate, budget: number): string {
  const heading = `**${t('discord:answer.commands')}**`;
  const kept: string[] = [];
  let used = heading.length;
  for (const example of topic.commands) {
    const entry = `${example[lang]}\n\`\`\`sh\n${example.command.replaceAll('```', '`\u200b``')}\n\`\`\``;
    if (used + entry.length + 1 > budget) break;
    kept.push(entry);
    used += entry.length + 1;
  }
  return kept.length ? [heading, ...kept].join('\n') : '';
}

export function button(
  action: ButtonAction,
  topic: Topic,
  lang: Lang,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
  label = topic[lang].title,
  emoji?: string,
): Button | undefined {
  const customId = encodeButton({ action, topicId: topic.id, lang });
  if (!customId) return undefined;
  return {
    type: ComponentType.Button,
    style,
    custom_id: customId,
    label: clamp(label, LIMITS.buttonLabel),
    ...(emoji ? { emoji: { name: emoji } } : {}),
  };
}

/** 👍 or 👎 alone: the footer beside them asks the question. */
function vote(action: 'up' | 'down', topic: Topic, lang: Lang): Button | undefined {
  const customId = encodeButton({ action, topicId: topic.id, lang });
  if (!customId) return undefined;
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, emoji: { name: action === 'up' ? '👍' : '👎' } };
}
