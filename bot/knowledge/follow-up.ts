import { languageOf, type Lang } from '../core/lang.js';
import type { Knowledge } from './knowledge.js';
import type { Outcome } from './outcome.js';
import { hasPassageOn } from './passages.js';
import type { Topic } from './topic.js';

/**
 * Below this an answer or a suggestion rests on a word or two that many topics share ("is it
 * faster?" → Docker vs VMs at 64); a line that alone names a topic scores far above ("what is a
 * volume" 193, "without internet?" 355).
 */
export const WEAK_ANSWER_SCORE = 100;

/**
 * A line that leans on the answer before is short ("and the reverse?", "압축도 돼?"); a longer one
 * ("how do I bake bread") is a question of its own.
 */
export const SHORT_FOLLOW_UP_WORDS = 4;

/**
 * A setting for what was just said, not a new subject: "what about in compose?", "and for compose?",
 * "and on Windows?", "compose에서는?", "맥에선요?". "그럼 kill은?" names a subject of its own and is no setting.
 */
const SETTING = /^(?:(?:and|but|so|what about|how about)\s+)?(?:in|on|inside|under|with|for)\s+[^\s?？]+(?:\s+[^\s?？]+)?\s*[?？.!]*$|(?:에서는|에서도|에선|에서)요?\s*[?？.!]*$/iu;
/** A setting within a longer line ("and how do I do that in docker compose?", "compose에서는 어케 씀?"): the words it names. */
const SETTING_WITHIN = /(?:^|\s)(?:in|on|inside|under|with|for)\s+([^\s?？]+(?:\s+[^\s?？]+)?)|([^\s?？]+)(?:에서는|에서도|에선|에서)/giu;

/**
 * Reads a follow-up ("압축도 돼?", "and on Windows?") after an answer about `previous`. A short line
 * (few words, or one word of its own) giving a setting (a place, a system), or naming only what the
 * topic before names in its title, stays with that topic when the two read together still lead there,
 * unless one topic's title names the setting and that topic's subject. A line that
 * settles its own answer, or names a topic clearly, goes there; otherwise a candidate of its own
 * that the previous topic links to wins. A short line that finds nothing by itself is asked again
 * with the previous topic's title added, and answered only if that goes on about the previous
 * topic. Nothing better: as asked.
 */
export function askAfter(knowledge: Knowledge, question: string, previous: Topic, lang: Lang = languageOf(question)): Outcome {
  const alone = knowledge.ask(question, { lang });
  // "김치찌개 끓이는 법" after any topic: words the knowledge base never heard of go on about nothing it knows.
  if (knowledge.knowsNoWordOf(question)) return alone;
  const asked = knowledge.termsOf(question);
  // "그럼 둘 다 쓰면 어떻게 됨?" is long, but leans on the answer before as much: one word of its own.
  const short = question.trim().split(/\s+/u).length <= SHORT_FOLLOW_UP_WORDS || asked.length <= 1;
  const continues = (topic: Topic) => topic.id === previous.id || previous.related.includes(topic.id);
  const read = () => knowledge.ask(`${question} ${previous[lang].title}`, { lang });
  // Read with the topic before's title, the line goes on about it: its answer, or the topic before itself when it still leads.
  const goesOn = (): Outcome | undefined => {
    const together = read();
    if (together.status === 'answer' && continues(together.topic)) return together;
    if (together.status === 'suggest' && together.suggestions[0]?.id === previous.id) {
      return { status: 'answer', lang, topic: previous, score: together.score, coverage: together.coverage };
    }
    return undefined;
  };
  // "what about in compose?" after memory limits asks for the limits in Compose, not what Compose is,
  // though "compose" alone is an example question of its own.
  // "what is compose?" names only a setting too, but asks what it is: a question of its own.
  const bare = knowledge.kindsOf(question).length === 0;
  const asSetting = (short && (SETTING.test(question.trim()) || (bare && namesOnlySettings(asked)))) || settingAlone(knowledge, question, asked);
  // "and in compose?" after a topic with a paragraph of its own on Compose ("In Compose, set the limits…"):
  // that topic answers it (the chat shows the paragraph; Discord, which has no excerpts, the topic again).
  // A system ("그럼 맥은?") is more often a topic of its own (Docker Desktop).
  if (asSetting && asked.includes(COMPOSE) && hasPassageOn(knowledge, previous, lang, question)) return { status: 'answer', lang, topic: previous, score: alone.score, coverage: alone.coverage };
  const elsewhere = asSetting ? inSetting(knowledge, asked, previous, lang) : undefined;
  if (elsewhere) return { status: 'answer', lang, topic: elsewhere, score: alone.score, coverage: alone.coverage };
  const setting = asSetting ? goesOn() : undefined;
  if (setting) return setting;
  // Settled by the line alone (an error pasted, an example asked word for word): that is the answer.
  if (alone.status === 'answer' && alone.firm) return alone;
  // "and cpu?" after "Limiting memory and CPU" asks about what that topic's title names.
  const titled = new Set(knowledge.termsOf(previous[lang].title));
  const titleOnly = short && asked.length > 0 && asked.every((term) => titled.has(term)) ? goesOn() : undefined;
  if (titleOnly) return titleOnly;
  if (alone.status === 'answer' && alone.score >= WEAK_ANSWER_SCORE) return alone;
  // Long: a question of its own, however its candidates relate to the topic before.
  if (!short) return alone;
  const candidates = alone.status === 'answer' ? [alone.topic] : alone.status === 'suggest' ? alone.suggestions : [];
  const linked = candidates.filter(continues);
  if (linked.length > 0) {
    // Several linked ("압축해서 보내도 돼?" after save-load: sharing images, tarballs): the one the line
    // and the topic before, read together, put first.
    const topic = linked.length === 1 ? linked[0]! : closest(linked, read());
    return { status: 'answer', lang, topic, score: alone.score, coverage: alone.coverage };
  }
  // Clearly pointing at other topics by itself ("what is a volume", "환경 변수 넣는 법" after COPY vs ADD):
  // a question of its own, answered or not, never the topic before because its title was added.
  if (alone.status !== 'answer' && alone.score >= WEAK_ANSWER_SCORE) return alone;
  return goesOn() ?? alone;
}

/**
 * Where a Docker answer may differ: the systems it runs on, and Compose beside the docker CLI. A short
 * line naming only these ("그럼 맥은?", "윈도우는?", "what about compose?") asks for that setting.
 */
const COMPOSE = 'compose';
const SETTINGS: ReadonlySet<string> = new Set(['mac', 'windows', 'linux', 'wsl', 'ubuntu', 'debian', COMPOSE]);

const namesOnlySettings = (asked: readonly string[]): boolean => asked.length > 0 && asked.every((term) => SETTINGS.has(term));

/** A line whose every word of its own is a setting it names: "and how do I do that in docker compose?", "compose에서는 어케 씀?". */
function settingAlone(knowledge: Knowledge, question: string, asked: readonly string[]): boolean {
  const named = [...question.trim().matchAll(SETTING_WITHIN)].map((found) => found[1] ?? found[2] ?? '');
  const setting = new Set(named.flatMap((words) => knowledge.termsOf(words)));
  return setting.size > 0 && asked.every((term) => setting.has(term));
}

/** A title word more than one topic in this many uses (docker, run, vs, compose) names no subject of its own. */
const COMMON_IN_TITLES = 15;

/**
 * "그럼 compose에서는?" after volumes: the topic linked to the one before whose title names the setting and
 * the subject the title before names (one of its rarer words), as much of it as of anything else (volumes: and networks: in a Compose file, over
 * live reload with bind mounts and compose watch). None when the topic before names the setting
 * itself, or when no topic, or two alike, do.
 */
function inSetting(knowledge: Knowledge, asked: readonly string[], previous: Topic, lang: Lang): Topic | undefined {
  const before = new Set(knowledge.termsOf(previous[lang].title));
  if (asked.length === 0 || asked.some((term) => before.has(term))) return undefined;
  const titles = knowledge.topics.map((topic) => ({ topic, titled: new Set(knowledge.termsOf(topic[lang].title)) }));
  const subjects = [...before].filter((term) => titles.filter(({ titled }) => titled.has(term)).length * COMMON_IN_TITLES <= titles.length);
  const fits = titles.flatMap(({ topic, titled }) => {
    const shared = subjects.filter((term) => titled.has(term)).length;
    // Shared title words may be chance ones (bash and PowerShell, "no such"): only a topic linked to the one before, either way, is its subject in that setting.
    const linked = previous.related.includes(topic.id) || topic.related.includes(previous.id);
    if (topic.id === previous.id || !linked || shared === 0 || !asked.every((term) => titled.has(term))) return [];
    return [{ topic, share: (shared + asked.length) / titled.size }];
  });
  const best = Math.max(...fits.map((fit) => fit.share));
  const leaders = fits.filter((fit) => fit.share === best);
  return leaders.length === 1 ? leaders[0]!.topic : undefined;
}

/** A short line asking only for a setting of what was said before ("and for compose?", "윈도우에서는요?"). */
export function asksForSetting(question: string): boolean {
  const line = question.trim();
  return line.split(/\s+/u).length <= SHORT_FOLLOW_UP_WORDS && SETTING.test(line);
}

/**
 * "and in compose?" after a list offering env-vars and compose-env picks the one listed topic whose
 * title names every word of the setting; none when no listed title does, or more than one.
 */
export function listedForSetting(knowledge: Knowledge, question: string, listed: readonly Topic[], lang: Lang): Topic | undefined {
  if (!asksForSetting(question)) return undefined;
  const asked = knowledge.termsOf(question);
  if (asked.length === 0) return undefined;
  const naming = listed.filter((topic) => {
    const titled = new Set(knowledge.termsOf(topic[lang].title));
    return asked.every((term) => titled.has(term));
  });
  return naming.length === 1 ? naming[0] : undefined;
}

/** The first of `topics` in what `together` found, or the first of them when it found none. */
function closest(topics: readonly Topic[], together: Outcome): Topic {
  const found = together.status === 'answer' ? [together.topic] : together.status === 'suggest' ? together.suggestions : [];
  const place = (topic: Topic) => {
    const at = found.findIndex((other) => other.id === topic.id);
    return at < 0 ? found.length : at;
  };
  return topics.reduce((best, topic) => (place(topic) < place(best) ? topic : best));
}
