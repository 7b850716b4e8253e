import type { Lang } from '../core/lang.js';
import type { Translate } from '../i18n.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Topic } from '../knowledge/topic.js';
import { topicIdsLike } from './nearby-topic-ids.js';
import { renderTopicList } from './render-topic-list.js';
import type { Paint } from './style.js';

/** What the chat's `/` commands reach of the conversation. */
export interface ChatState {
  readonly knowledge: Knowledge;
  readonly paint: Paint;
  /** Gorae's own sentences, fitted to the terminal, and text laid out already. */
  readonly tell: (text: string) => void;
  readonly say: (text: string) => void;
  /** The conversation's language now, and the greeting's (which /lang answers in). */
  readonly spoken: () => Translate;
  readonly ui: Translate;
  /** The language /lang holds the chat to (undefined: each question's own), and the one the person last wrote in. */
  forced: Lang | undefined;
  readonly written: () => Lang;
  readonly showTopic: (topic: Topic, lang: Lang) => void;
}

/** A `/` command: false when it ends the chat. */
export type ChatCommand = (arg: string) => boolean;

/** The chat's `/` commands, by name. */
export function chatCommands(state: ChatState): Readonly<Record<string, ChatCommand>> {
  const { knowledge, tell, spoken, ui } = state;
  const lang = () => state.forced ?? state.written();
  return {
    '/help': () => (tell(spoken()('terminal:chat.help')), true),
    '/quit': () => false,
    '/exit': () => false,
    '/q': () => false,
    '/topics': () => {
      tell(spoken()('terminal:topics.header', { count: knowledge.topics.length }));
      state.say(renderTopicList(knowledge.topics, lang(), state.paint));
      return true;
    },
    '/topic': (arg) => {
      const id = arg.toLowerCase();
      const topic = knowledge.topic(id);
      const near = topic || !id ? [] : topicIdsLike(knowledge, id);
      if (!id) tell(spoken()('terminal:chat.topicMissing'));
      else if (topic) state.showTopic(topic, lang());
      else if (near.length > 0) tell(spoken()('terminal:chat.nearbyTopics', { id, ids: near.join(', ') }));
      else tell(spoken()('terminal:chat.noTopic', { id }));
      return true;
    },
    '/lang': (arg) => {
      const current = () => ui(`terminal:languages.${state.forced ?? 'auto'}`);
      if (arg === 'ko' || arg === 'en') {
        state.forced = arg;
        tell(ui('terminal:chat.lang', { lang: current() }));
      } else if (arg === 'auto') {
        state.forced = undefined;
        tell(ui('terminal:chat.langAuto'));
      } else if (!arg) tell(ui('terminal:chat.langNow', { lang: current() }));
      else tell(ui('terminal:chat.langBad', { value: arg, lang: current() }));
      return true;
    },
  };
}
