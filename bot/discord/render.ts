import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { otherLang, type Lang } from '../core/lang.js';
import type { Translate } from '../i18n.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Outcome } from '../knowledge/outcome.js';
import type { Topic } from '../knowledge/topic.js';
import { encodeButton, type ButtonAction } from './custom-id.js';
import { clamp, fitMarkdown } from './fit.js';
import { LIMITS, NO_MENTIONS } from './limits.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** Everything a reply carries; the same value goes to `interaction.reply`, `update` and `message.reply`. */
export interface Reply {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: ButtonRow[];
  readonly allowedMentions: typeof NO_MENTIONS;
}

/** What rendering needs: the reader's UI language (`t`) and the knowledge base for related topics. */
export interface RenderContext {
  readonly t: Translate;
  readonly knowledge: Knowledge;
}

const COLOR = { answer: 0x2496ed, suggest: 0xf5a623, unknown: 0x99aab5 } as const;
const RELATED_ROWS = 3;
const STARTERS = 5;

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

export function renderTopic(topic: Topic, lang: Lang, { t, knowledge }: RenderContext): Reply {
  const side = topic[lang];
  const title = clamp(side.title, LIMITS.embedTitle);
  const footer = t('discord:answer.footer', { id: topic.id, language: t(`discord:language.${lang}`) });
  const fields = commandFields(topic, lang, t, LIMITS.embedTotal - title.length - footer.length - 1_000);
  const used = title.length + footer.length + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const header = fields.length ? `\n\n**${t('discord:answer.commands')}**` : '';
  const body = `**${side.summary}**\n\n${side.answer.trim()}`;
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - used) - header.length;
  const related = topic.related
    .map((id) => knowledge.topic(id))
    .filter((other): other is Topic => other !== undefined)
    .map((other) => button('topic', other, lang, ButtonStyle.Secondary));
  const switcher = button('lang', topic, otherLang(lang), ButtonStyle.Primary, t(`discord:answer.switch.${otherLang(lang)}`), '🌐');
  return {
    embeds: [
      {
        color: COLOR.answer,
        title,
        description: fitMarkdown(body, room, t('discord:answer.more')) + header,
        fields,
        footer: { text: footer },
      },
    ],
    components: [...rows(related, RELATED_ROWS), ...rows([switcher], 1)],
    allowedMentions: NO_MENTIONS,
  };
}

function renderSuggestions(suggestions: readonly Topic[], lang: Lang, { t }: RenderContext): Reply {
  const list = suggestions.map((topic) => `- **${topic[lang].title}**: ${topic[lang].summary}`).join('\n');
  const description = `${t('discord:suggest.body')}\n\n${list}`;
  return {
    embeds: [
      {
        color: COLOR.suggest,
        title: t('discord:suggest.title'),
        description: fitMarkdown(description, LIMITS.embedDescription, '…'),
      },
    ],
    components: rows(
      suggestions.map((topic) => button('topic', topic, lang, ButtonStyle.Primary)),
      LIMITS.rows,
    ),
    allowedMentions: NO_MENTIONS,
  };
}

/** Never a guess: says so kindly, points to `/ask`, and offers the best-connected topics as a way in. */
function renderUnknown(lang: Lang, context: RenderContext): Reply {
  const { t } = context;
  return starterReply(
    t('discord:unknown.title'),
    t('discord:unknown.body', { command: t('discord:commands.ask.name') }),
    COLOR.unknown,
    lang,
    context,
  );
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

/** A plain text notice (errors, stale buttons). */
export function renderNotice(text: string): Reply {
  return { content: clamp(text, LIMITS.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

function starterReply(title: string, description: string, color: number, lang: Lang, { knowledge }: RenderContext): Reply {
  const starters = starterTopics(knowledge, STARTERS).map((topic) => button('topic', topic, lang, ButtonStyle.Secondary));
  return {
    embeds: [{ color, title, description: fitMarkdown(description, LIMITS.embedDescription, '…') }],
    components: rows(starters, 1),
    allowedMentions: NO_MENTIONS,
  };
}

/** Topics most often listed as related by others: the hubs a newcomer is best started on. */
export function starterTopics(knowledge: Knowledge, count: number): Topic[] {
  const links = new Map<string, number>();
  for (const topic of knowledge.topics) for (const id of topic.related) links.set(id, (links.get(id) ?? 0) + 1);
  return [...knowledge.topics]
    .sort((a, b) => (links.get(b.id) ?? 0) - (links.get(a.id) ?? 0) || a.id.localeCompare(b.id))
    .slice(0, count);
}

/** One field per example command: the explanation as its name, the command in an `sh` block. */
function commandFields(topic: Topic, lang: Lang, t: Translate, budget: number): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let used = 0;
  for (const [index, example] of topic.commands.entries()) {
    const explanation = example[lang];
    const block = `\`\`\`sh\n${example.command.replaceAll('```', '`\u200b``')}\n\`\`\``;
    const field =
      explanation.length <= LIMITS.fieldName
        ? { name: explanation, value: block }
        : { name: t('discord:answer.example', { number: index + 1 }), value: `${explanation}\n${block}` };
    const cost = field.name.length + field.value.length;
    if (field.value.length > LIMITS.fieldValue || used + cost > budget || fields.length === LIMITS.fields) break;
    fields.push(field);
    used += cost;
  }
  return fields;
}

export function button(
  action: ButtonAction,
  topic: Topic,
  lang: Lang,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
  label = topic[lang].title,
  emoji?: string,
): APIButtonComponentWithCustomId | undefined {
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

/** Buttons five to a row, at most `maxRows` rows, each custom id once (Discord rejects duplicates). */
export function rows(buttons: (APIButtonComponentWithCustomId | undefined)[], maxRows: number): ButtonRow[] {
  const seen = new Set<string>();
  const unique = buttons.filter((item): item is APIButtonComponentWithCustomId => {
    if (!item || seen.has(item.custom_id)) return false;
    seen.add(item.custom_id);
    return true;
  });
  const result: ButtonRow[] = [];
  for (let start = 0; start < unique.length && result.length < maxRows; start += LIMITS.buttonsPerRow) {
    result.push({ type: ComponentType.ActionRow, components: unique.slice(start, start + LIMITS.buttonsPerRow) });
  }
  return result;
}
