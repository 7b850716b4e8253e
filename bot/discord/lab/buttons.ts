import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { langFromLocale } from '../../core/lang.js';
import { translator } from '../../i18n.js';
import { auditTrail } from '../../lab/audit-trail.js';
import { authorize } from '../../lab/authorize.js';
import type { DiscordContext } from '../command.js';
import { NO_MENTIONS } from '../limits.js';
import { decodeLabButton } from './custom-id.js';
import { auditOrigin, originOf, type Origin } from './origin.js';
import { failureReply } from './render.js';
import { pageReply } from './table-reply.js';

/**
 * ◀ ▶ and Confirm / Cancel. Only the person who asked may press them, and the gate is checked
 * again on each click, from this click's own data; anyone else is told why, privately, and nothing
 * changes. A refused Confirm is audited: it is the moment a load would run. Cancel needs no gate:
 * it runs nothing, and refusing it would only keep the host waiting for an answer.
 */
export async function handleLabButton(interaction: ButtonInteraction, context: DiscordContext): Promise<void> {
  const { lab } = context;
  const t = translator(context.i18n, langFromLocale(interaction.locale));
  const privately = async (content: string): Promise<void> => {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  };
  const button = decodeLabButton(interaction.customId);
  if (!button) return privately(t('discord:lab.confirm.expired'));
  const origin = originOf(interaction, interaction.user);
  const gate = () => authorize(lab.policy, origin.place, origin.person);

  if (button.kind === 'page') {
    const table = lab.pages.get(button.token);
    if (!table) return privately(t('discord:lab.pages.expired'));
    if (table.owner.id !== interaction.user.id) return privately(t('discord:lab.pages.notYours', { name: table.owner.name }));
    const allowed = gate();
    if (!allowed.ok) return privately(failureReply(t, allowed.error).content);
    const page = pageReply(button.token, table.pages, Math.min(button.page, table.pages.length - 1));
    await interaction.update({ content: page.content, components: [...(page.components ?? [])], allowedMentions: NO_MENTIONS });
    return;
  }

  const owner = lab.confirmations.owner(button.token);
  if (!owner) return privately(t('discord:lab.confirm.expired'));
  if (owner.id !== interaction.user.id) {
    if (button.kind === 'yes') await auditRefusedConfirm(origin, 'discord.lab.confirm.notYours', context);
    return privately(t('discord:lab.confirm.notYours', { name: owner.name }));
  }
  if (button.kind === 'yes') {
    const allowed = gate();
    if (!allowed.ok) {
      await auditRefusedConfirm(origin, allowed.error.id, context);
      return privately(failureReply(t, allowed.error).content);
    }
  }
  await interaction.deferUpdate();
  lab.confirmations.settle(button.token, button.kind);
}

async function auditRefusedConfirm(origin: Origin, reason: string, { lab, logger }: DiscordContext): Promise<void> {
  const attempted = { action: 'load', arguments: { confirm: true } };
  const audited = await auditTrail(lab.audit, lab.services.clock, auditOrigin(origin), attempted).refused(reason);
  if (!audited.ok) logger.error({ failure: audited.error, user: origin.requester.id }, 'a refused confirmation could not be audited');
}
