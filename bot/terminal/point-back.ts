import type { Lang } from '../core/lang.js';
import type { Translate } from '../i18n.js';
import type { Topic } from '../knowledge/topic.js';
import { renderAnswerText } from './render-outcome.js';
import type { Paint } from './style.js';
import { wrap } from './wrap.js';

/** What leads back to the topic just shown brings: its paragraphs about what the line adds, how many are still unread, and whether it has related topics to offer. */
export interface Leading {
  readonly passages: readonly string[];
  readonly hidden: number;
  readonly related: boolean;
  /** The line asks about something the topic never speaks of. */
  readonly silent: boolean;
}

/**
 * The chat's words for a follow-up that leads back to the topic just above: that it says nothing of
 * what the line asks about, else the paragraphs on what it adds, else that the rest is still behind
 * "more", else that the answer above is what Gorae knows.
 */
export function pointBackText(topic: Topic, lang: Lang, t: Translate, paint: Paint, width: number | undefined, { passages, hidden, related, silent }: Leading): string {
  const title = topic[lang].title;
  if (silent) return wrap(t('terminal:chat.silentOn', { title }), width);
  if (passages.length > 0) return `${paint('bold', wrap(t('terminal:chat.passages', { title }), width))}\n\n${renderAnswerText(passages.join('\n\n'), paint, width)}\n`;
  if (hidden > 0) return wrap(t('terminal:chat.shownAlreadyMore', { title, count: hidden }), width);
  return wrap(t(related ? 'terminal:chat.shownAlready' : 'terminal:chat.shownAlreadyAlone', { title }), width);
}
