import type { Translate } from '../i18n.js';

/** Whether a reply to a [y/N] question is a yes in the language asked ("y", "ㅇㅇ", "ㅛ" typed with the Korean keyboard on); anything else is no. */
export const confirms = (reply: string | undefined, t: Translate): boolean =>
  reply !== undefined && t('lab:cli.yes').split(',').includes(reply.trim().toLowerCase());
