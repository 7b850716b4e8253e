import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { langFromLocale } from '../../core/lang.js';
import { explain, translator } from '../../i18n.js';
import { auditTrail } from '../../lab/audit-trail.js';
import { authorize } from '../../lab/authorize.js';
import type { DiscordContext } from '../command.js';
import { NO_MENTIONS } from '../limits.js';
import { decodeLabButton } from './custom-id.js';
import { auditOrigin, originOf } from './gate.js';
import { pageReply } from './table-reply.js';

/**
 * ◀ ▶ and Confirm / Cancel. Only the person who asked may press them; anyone else is told so
 * privately and nothing changes. Confirm checks the gate again: it is the moment a load runs.
 */
export async function handleLabButton(interaction: ButtonInteraction, context: DiscordContext): Promise<void> {
  const { lab } = context;
  const t = translator(context.i18n, langFromLocale(interaction.locale));
  const privately = async (content: string): Promise<void> => {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  };
  const button = decodeLabButton(interaction.customId);
  if (!button) return privately(t('discord:lab.confirm.expired'));

  if (button.kind === 'page') {
    const table = lab.pages.get(button.token);
    if (!table) return privately(t('discord:lab.pages.expired'));
    if (table.owner.id !== interaction.user.id) return privately(t('discord:lab.pages.notYours', { name: table.owner.name }));
    const page = pageReply(button.token, table.pages, Math.min(button.page, table.pages.length - 1));
    await interaction.update({ content: page.content, components: [...(page.components ?? [])], allowedMentions: NO_MENTIONS });
    return;
  }

  const owner = lab.confirmations.owner(button.token);
  if (!owner) return privately(t('discord:lab.confirm.expired'));
  if (owner.id !== interaction.user.id) return privately(t('discord:lab.confirm.notYours', { name: owner.name }));
  if (button.kind === 'yes') {
    const origin = originOf(interaction, interaction.user);
    const gate = authorize(lab.policy, origin.place, origin.person);
    if (!gate.ok) {
      const attempted = { action: 'load', arguments: { confirm: true } };
      const audited = await auditTrail(lab.audit, lab.ports.clock, auditOrigin(origin), attempted).refused(gate.error.id);
      if (!audited.ok) context.logger.error({ failure: audited.error }, 'a refused confirmation could not be audited');
      return privately(explain(t, gate.error));
    }
  }
  await interaction.deferUpdate();
  lab.confirmations.settle(button.token, button.kind);
}
