import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Explanation } from '../explain/explain.js';
import { rowsOf } from '../explain/rows.js';
import type { Topic } from '../knowledge/topic.js';
import { clamp, fitMarkdown } from './fit.js';
import { buttonRows, type ButtonRow } from './layout.js';
import { LIMITS, NO_MENTIONS } from './limits.js';
import { button, renderNotice, type Notice, type RenderContext } from './render.js';

/** An explanation is an embed with topic buttons below: a classic message, never a Components V2 one. */
export interface ExplanationReply {
  readonly embeds: APIEmbed[];
  readonly components: ButtonRow[];
  readonly allowedMentions: typeof NO_MENTIONS;
}

const COLOR = { explained: 0x2496ed, warned: 0xe67e22 } as const;
const TOPIC_ROWS = 2;

/** Inline code that survives any backtick in what people typed. */
const code = (text: string): string => `\`${text.replaceAll('`', 'ˋ')}\``;

/**
 * An explanation as one embed: the command in a code block, then every part, the image, what
 * happens and the warnings, all within Discord's limits; topic buttons below. Pings nobody.
 */
export function renderExplanation(explanation: Explanation, { t, knowledge }: RenderContext): ExplanationReply | Notice {
  if (explanation.status === 'not-a-command') return renderNotice(t('explain:render.notACommand'));
  const { lang } = explanation;
  const title = clamp(t('explain:render.title', { subcommand: explanation.subcommand ?? '' }), LIMITS.embedTitle);
  const footer = t('explain:render.footer', { language: t(`discord:language.${lang}`) });
  const fields = [imageField(explanation, t), listField(t('explain:render.effects'), explanation.effects), warningsField(explanation, t)].filter(
    (field): field is APIEmbedField => field !== undefined,
  );
  const used = title.length + footer.length + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const block = `\`\`\`sh\n${explanation.line.replaceAll('```', '`\u200b``')}\n\`\`\``;
  const parts = rowsOf(explanation.parts).map((row) => `${row.known ? '' : '❓ '}**${code(row.typed)}** — ${row.text}`);
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - used);
  const topics = explanation.topics.map((id) => knowledge.topic(id)).filter((topic): topic is Topic => topic !== undefined);
  return {
    embeds: [
      {
        color: explanation.warnings.length > 0 ? COLOR.warned : COLOR.explained,
        title,
        description: fitMarkdown([block, ...parts].join('\n'), room, t('discord:answer.more')),
        fields,
        footer: { text: footer },
      },
    ],
    components: buttonRows(
      topics.map((topic) => button('topic', topic, lang, ButtonStyle.Secondary)),
      TOPIC_ROWS,
    ),
    allowedMentions: NO_MENTIONS,
  };
}

function imageField(explanation: Explanation, t: RenderContext['t']): APIEmbedField | undefined {
  const image = explanation.image;
  if (!image?.registry) return undefined;
  const none = t('explain:render.none');
  // No tag and no digest: Docker takes latest, which the field says rather than a bare "none".
  const missing = (key: 'registry' | 'repository' | 'tag' | 'digest') => (key === 'tag' && image.digest === null ? t('explain:render.latest') : none);
  const lines = (['registry', 'repository', 'tag', 'digest'] as const).map((key) => `${t(`explain:render.${key}`)}: ${image[key] ? code(image[key]) : missing(key)}`);
  return { name: clamp(`${t('explain:render.image')}: ${image.reference}`, LIMITS.fieldName), value: fitMarkdown(lines.join('\n'), LIMITS.fieldValue, '…') };
}

function listField(name: string, items: readonly string[]): APIEmbedField | undefined {
  if (items.length === 0) return undefined;
  return { name, value: fitMarkdown(items.map((item) => `• ${item}`).join('\n'), LIMITS.fieldValue, '…') };
}

function warningsField(explanation: Explanation, t: RenderContext['t']): APIEmbedField | undefined {
  const warnings = explanation.warnings.map((warning) => `${code(warning.token)}: ${warning.text}`);
  return listField(`⚠️ ${t('explain:render.warnings')}`, warnings);
}
