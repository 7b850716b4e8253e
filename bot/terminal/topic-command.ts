import type { Lang } from '../core/lang.js';
import { translator } from '../i18n.js';
import type { Topic } from '../knowledge/topic.js';
import type { TerminalDeps } from './deps.js';
import { topicIdsLike } from './nearby-topic-ids.js';
import { readOneShot, usageError } from './one-shot-args.js';
import { renderTopic } from './render-outcome.js';
import { renderTopicList } from './render-topic-list.js';
import { paintFor } from './style.js';
import { wrap } from './wrap.js';

/**
 * `gorae topic [ID] [--lang ko|en] [--json]`: one topic in full, the one a "did you mean" named by
 * its id, or every topic's id and title without one. Exit 1 when no topic has that id.
 */
export function runTopicCommand(args: readonly string[], deps: TerminalDeps): number {
  const options = readOneShot(args, deps);
  if (!options.run) return options.exit;
  const { positionals, json } = options;
  if (positionals.length > 1) return usageError(deps, translator(deps.i18n, deps.uiLang)('terminal:topic.oneId'));
  const lang = options.lang ?? deps.uiLang;
  const t = translator(deps.i18n, lang);
  const topics = deps.knowledge.topics;
  const id = positionals[0]?.trim().toLowerCase();
  if (!id) {
    deps.stdout.write(
      json
        ? `${JSON.stringify(topics.map((topic) => ({ id: topic.id, title: topic[lang].title })))}\n`
        : `${wrap(t('terminal:topic.list', { count: topics.length }), deps.stdout.columns)}\n${renderTopicList(topics, lang, paintFor(deps.stdout))}\n`,
    );
    return 0;
  }
  const topic = deps.knowledge.topic(id);
  if (!topic) {
    const near = topicIdsLike(deps.knowledge, id);
    const message = near.length > 0 ? t('terminal:topic.nearby', { id, ids: near.join(', ') }) : t('terminal:topic.none', { id });
    deps.stderr.write(`${wrap(message, deps.stdout.columns)}\n`);
    return 1;
  }
  deps.stdout.write(`${json ? JSON.stringify(topicJson(topic, lang)) : renderTopic(topic, lang, t, paintFor(deps.stdout), deps.knowledge, deps.stdout.columns)}\n`);
  return 0;
}

/** The `--json` shape of one topic, in one language. */
function topicJson(topic: Topic, lang: Lang) {
  const side = topic[lang];
  return {
    id: topic.id,
    lang,
    title: side.title,
    summary: side.summary,
    answer: side.answer.trim(),
    commands: topic.commands.map((example) => ({ command: example.command, text: example[lang] })),
    related: [...topic.related],
  };
}
