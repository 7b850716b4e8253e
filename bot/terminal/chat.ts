import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { languageOf, type Lang } from '../core/lang.js';
import { isPastedText } from '../knowledge/pasted-text.js';
import { agrees, isGoodbye, rewordedAfterNo, isNeutral, smallTalkOf, type SmallTalk } from '../core/small-talk.js';
import { translator, type Translate } from '../i18n.js';
import { asksForSetting, listedForSetting } from '../knowledge/follow-up.js';
import { passagesFor, speaksNotOf } from '../knowledge/passages.js';
import type { Outcome } from '../knowledge/outcome.js';
import { namesOnlyTerms } from '../knowledge/terms-only.js';
import type { Topic } from '../knowledge/topic.js';
import { explanationLang } from '../explain/explainer.js';
import type { TerminalDeps } from './deps.js';
import { explanationOutput } from './explain-command.js';
import { lineQueue } from './line-queue.js';
import { answerLead } from './answer-lead.js';
import { chatCommands, type ChatState } from './chat-commands.js';
import { relatedLine, relatedTopics, renderAnswerText, renderExamples, renderOutcome, renderSummary, renderTopic } from './render-outcome.js';
import { pickedPlace } from './picked-place.js';
import { pointBackText } from './point-back.js';
import { lineAfterRefusal } from './refusal.js';
import { paintFor } from './style.js';
import { wrap } from './wrap.js';

/** A whole line a newcomer types to leave a prompt: q as in pagers, and the Korean words for quitting. */
const LEAVE = /^(exit|quit|q|종료|나가기)$/iu;

/** Lets a line handler ask the person a follow-up question (a load's "replace these tags?"). */
export type Prompt = (question: string) => Promise<string | undefined>;

/** Claims a chat line that isn't a question (a lab action, say): true when it handled the line. */
export type LineHandler = (line: string, tools: { t: Translate; lang: Lang; prompt: Prompt; interrupted: AbortSignal }) => Promise<boolean>;

/** Small talk that only acknowledges what was said. */
const ASSENTS: ReadonlySet<SmallTalk> = new Set(['thanks', 'okay', 'yes', 'no']);
/** Small talk asking for a part of one topic: after a list of several, which one is unsaid. */
const PARTS: ReadonlySet<SmallTalk> = new Set(['more', 'examples', 'summary']);

/**
 * The interactive chat a newcomer meets first. Questions get answers, each line read as a possible
 * follow-up to the topic shown in full before it; `/` lines are chat commands;
 * `extra` lets another part (the lab) claim lines such as `docker ps -a` before they become questions.
 * `held` (`--lang`) holds the chat to one language, as /lang does.
 */
export async function runChat(deps: TerminalDeps, extra?: LineHandler, held?: Lang): Promise<number> {
  const ui = translator(deps.i18n, deps.uiLang);
  const paint = paintFor(deps.stdout);
  // The last numbered list shown, in the language it was shown in: typing `2` opens its second topic.
  // It stays until another list replaces it, as it stays on screen above a reply without one.
  let suggested: { topics: readonly Topic[]; lang: Lang; ref?: string } = { topics: [], lang: deps.uiLang };
  // A "did you mean" with a single topic: the next line may be a yes to it.
  let lone = false;
  // The reply before was a "did you mean": the next line may pick from it by a setting ("and in compose?").
  let listShown = false;
  // A topic just opened from a "did you mean" of several: a no to it offers the others again.
  let openedFrom: { topic: Topic; list: { topics: readonly Topic[]; lang: Lang; ref: string } } | undefined;
  // The topic last shown in full, however it was opened: the next line may be a follow-up to it
  // ("and on Windows?"). A reply that is no answer ends it, or a later line would go back past it.
  let previous: Topic | undefined;
  /** What "more" shows: the paragraphs a long answer's opening left out. It lasts one line, past small talk and follow-ups leading back. */
  let unread: { topic: Topic; paragraphs: readonly string[] } | undefined;
  // The language it was shown in: the same topic asked in the other language is shown again, in that one.
  let shownIn: Lang = deps.uiLang;
  // The language the person last wrote in (the terminal's before they write): Gorae's replies follow
  // it unless /lang forced one, so after a Korean question "1" or /help is answered in Korean.
  let written: Lang = deps.uiLang;
  const spoken = (): Translate => translator(deps.i18n, state.forced ?? written);
  const say = (text: string) => deps.stdout.write(`${text}\n`);
  // Gorae's own sentences fit the terminal; answers and tables are laid out by their renderers.
  const fit = (text: string) => wrap(text, deps.stdout.columns);
  const tell = (text: string) => say(fit(text));
  // What /lang holds the chat to lives with the `/` commands, which set it.
  const state: ChatState = { knowledge: deps.knowledge, paint, tell, say, spoken, ui, forced: held, written: () => written, showTopic };
  const commands = chatCommands(state);

  say(paint('bold', fit(ui('terminal:chat.welcome'))));
  say(paint('dim', fit(ui('terminal:chat.hint'))));
  const rl = createInterface({ input: deps.stdin, output: deps.stdout, terminal: deps.stdin.isTTY === true });
  rl.setPrompt(ui('terminal:chat.prompt'));
  const nextLine = lineQueue(rl, deps.stdin.isTTY === true);
  // In the chat a follow-up question takes the next typed line, so say so: it is not a new question.
  const prompt: Prompt = (question) => {
    say(paint('dim', fit(spoken()('terminal:chat.answerNext'))));
    deps.stdout.write(question);
    return nextLine();
  };

  // Ctrl+C stops what a line started (a save, say); at the prompt it clears the line, or leaves on an empty one.
  let running: AbortController | undefined;
  rl.on('SIGINT', () => {
    if (running) return running.abort();
    if (rl.line === '') return rl.close();
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    deps.stdout.write('\n');
    rl.prompt();
  });
  const handle = async (handler: LineHandler, line: string): Promise<boolean> => {
    running = new AbortController();
    try {
      return await handler(line, { t: spoken(), lang: state.forced ?? written, prompt, interrupted: running.signal });
    } finally {
      running = undefined;
    }
  };

  /** A greeting gets a greeting back, thanks or an "ok" a word back, and asking what Gorae can do the help, in the line's language (or the one /lang set). */
  function answerSmallTalk(talk: SmallTalk, offered?: Topic): void {
    const reply = spoken();
    if (talk === 'help') tell(reply('terminal:chat.help'));
    else if (talk === 'thanks') tell(reply('terminal:chat.thanks'));
    else if (talk === 'okay' || talk === 'yes') tell(reply('terminal:chat.okay'));
    else if (talk === 'no') tell(reply('terminal:chat.no'));
    else if (talk === 'examples' || talk === 'summary') showPart(talk, offered);
    else if (talk === 'more') showRest();
    else tell(reply('terminal:chat.greeting'));
  }

  /** "예시 좀" or "요약" after a topic, or after a "did you mean" offering one: its example commands or its summary, without the whole answer around them. */
  function showPart(talk: 'examples' | 'summary', offered?: Topic): void {
    const lang = state.forced ?? written;
    const topic = previous ?? offered;
    if (topic && talk === 'summary') say(`\n${renderSummary(topic, lang, paint, deps.stdout.columns)}\n`);
    else if (topic && topic.commands.length > 0) say(`\n${renderExamples(topic, lang, translator(deps.i18n, lang), paint, deps.stdout.columns)}\n`);
    else tell(spoken()(topic ? 'terminal:chat.noExamples' : talk === 'summary' ? 'terminal:chat.summaryOfWhat' : 'terminal:chat.examplesOfWhat'));
  }

  /** A topic opened by number or by /topic is shown as an answer is: numbers open its related topics now, and a follow-up is read after it. */
  function showTopic(topic: Topic, lang: Lang): void {
    say(topicText(topic, lang));
    offerRelated(topic, lang);
    previous = topic;
    shownIn = lang;
  }

  /** A topic as the chat shows it: a long answer's opening, the rest kept for "more". */
  function topicText(topic: Topic, lang: Lang): string {
    const t = translator(deps.i18n, lang);
    const { lead, rest } = answerLead(topic[lang].answer);
    unread = rest.length > 0 ? { topic, paragraphs: rest } : undefined;
    const shortened = rest.length > 0 ? { lead, hint: t('terminal:chat.moreHint', { count: rest.length }) } : undefined;
    return renderTopic(topic, lang, t, paint, deps.knowledge, deps.stdout.columns, 'chat', shortened);
  }

  /** "more" after a long answer: the paragraphs its opening left out. */
  function showRest(): void {
    if (unread) say(`\n${renderAnswerText(unread.paragraphs.join('\n\n'), paint, deps.stdout.columns)}\n`);
    else tell(spoken()('terminal:chat.noMore'));
    unread = undefined;
  }

  /**
   * After an answer, its related topics, numbered with it, are what a number opens. Opening one says
   * nothing about what the question meant, so no ref goes with them and the pick is not recorded.
   */
  function offerRelated(topic: Topic, lang: Lang): void {
    const related = relatedTopics(topic, deps.knowledge);
    if (related.length > 0) suggested = { topics: related, lang };
  }

  /** Shows what a question led to; a follow-up that leads back to the topic just shown is pointed back to it. */
  function reply(outcome: Outcome, ref: string, line: string, pending: typeof unread): void {
    lone = outcome.status === 'suggest' && outcome.suggestions.length === 1;
    listShown = outcome.status === 'suggest';
    if (outcome.status === 'answer' && outcome.topic.id === previous?.id && outcome.lang === shownIn) return pointBack(outcome.topic, outcome.lang, line, pending);
    if (outcome.status === 'suggest') suggested = { topics: outcome.suggestions, lang: outcome.lang, ref };
    if (outcome.status === 'answer') offerRelated(outcome.topic, outcome.lang);
    previous = outcome.status === 'answer' ? outcome.topic : undefined;
    shownIn = outcome.lang;
    const text = outcome.status === 'answer' ? topicText(outcome.topic, outcome.lang) : renderOutcome(outcome, translator(deps.i18n, outcome.lang), paint, deps.knowledge, deps.stdout.columns, 'chat');
    say(`\n${text}\n`);
  }

  /**
   * "why?" right after a topic leads back to it, and reprinting it word for word would only hide the
   * conversation: say that its answer is what Gorae knows, and offer its related topics by number.
   * A follow-up that adds a subject ("and in compose?") gets the paragraphs of that answer about it.
   */
  function pointBack(topic: Topic, lang: Lang, line: string, pending: typeof unread): void {
    const t = translator(deps.i18n, lang);
    const related = relatedLine(topic, lang, t, deps.knowledge, deps.stdout.columns, 'chat');
    offerRelated(topic, lang);
    const passages = passagesFor(deps.knowledge, topic, lang, line);
    // What is still behind "more" is not "above": say so, and never show an excerpt twice.
    const hidden = pending?.topic.id === topic.id ? pending.paragraphs.filter((paragraph) => !passages.includes(paragraph)) : [];
    unread = hidden.length > 0 ? { topic, paragraphs: hidden } : undefined;
    const text = pointBackText(topic, lang, t, paint, deps.stdout.columns, { passages, hidden: hidden.length, related: related !== undefined, silent: speaksNotOf(deps.knowledge, topic, lang, line) });
    say(`\n${related ? `${text}\n${related}` : text}\n`);
  }

  /**
   * "no" to a topic opened from a "did you mean": it was not what the question meant (the gap log
   * records it as a 👎, so the opening is not taken for a confirmation), and the others are offered again.
   */
  async function offerOthers(topic: Topic, list: { topics: readonly Topic[]; lang: Lang; ref: string }): Promise<void> {
    await voteDown(topic, list);
    reply({ status: 'suggest', lang: list.lang, suggestions: list.topics.filter((other) => other !== topic), score: 0, coverage: 0 }, list.ref, '', undefined);
  }

  /** A topic opened from a list and then turned down was not what the question meant: a 👎 on it, as the gap log reads votes. */
  async function voteDown(topic: Topic, list: { lang: Lang; ref: string }): Promise<void> {
    const vote = { answer: `${list.ref}:${topic.id}`, voter: 'terminal', vote: 'down', topic, lang: list.lang, ref: list.ref, via: 'terminal-chat' } as const;
    await deps.feedback.vote(vote).catch(() => undefined);
  }

  /**
   * A number or an ordinal ("2", "2번", "the second one", "두 번째") opens that one of the last list, as
   * does a setting only one of a "did you mean" just shown names ("and in compose?"); true when the line was such a pick.
   */
  async function pick(line: string, afterList = false): Promise<boolean> {
    const named = afterList ? listedForSetting(deps.knowledge, line, suggested.topics, suggested.lang) : undefined;
    const place = pickedPlace(line) ?? (named && suggested.topics.indexOf(named) + 1);
    if (place === undefined) return false;
    const topic = suggested.topics[place - 1];
    if (topic) {
      const { ref, lang } = suggested;
      if (ref && suggested.topics.length > 1) openedFrom = { topic, list: { ...suggested, ref } };
      showTopic(topic, lang);
      // What the person opens says what their question meant. An unwritable gap log was already reported when they asked.
      if (ref) await deps.feedback.picked({ ref, opened: `${ref}:${topic.id}`, topic, person: 'terminal', via: 'terminal-chat' }).catch(() => undefined);
    } else if (suggested.topics.length === 0) tell(spoken()('terminal:suggest.none'));
    else if (suggested.topics.length === 1) tell(spoken()('terminal:suggest.rangeOne'));
    else tell(spoken()('terminal:suggest.range', { count: suggested.topics.length }));
    return true;
  }

  for (;;) {
    rl.prompt();
    const raw = await nextLine();
    if (raw === undefined) break;
    const line = lineAfterRefusal(raw.trim());
    const yesOpens = lone;
    const afterList: boolean = listShown;
    const rejected = openedFrom;
    openedFrom = undefined;
    // Whatever else this line shows stands between the long answer and the rest of it.
    const pending = unread;
    lone = false;
    listShown = false;
    unread = undefined;
    let goOn = true;
    const talk = smallTalkOf(line);
    // "exit", "quit", "q" or a goodbye alone is how most prompts are left: a newcomer typing it means to go, not to ask.
    if (LEAVE.test(line)) goOn = false;
    else if (isGoodbye(line)) {
      // "잘 있어요" is answered in Korean; "bye", which Koreans write too, keeps the chat's language.
      if (languageOf(line) === 'ko') written = 'ko';
      goOn = false;
    }
    else if (yesOpens && agrees(line)) await pick('1');
    else if (talk) {
      // "ok" or "y" says nothing of the language the person reads; "ㅇㅋ" and "got it" do. Koreans write
      // "thx" and "got it" too, so a word of thanks or assent in English keeps a Korean chat Korean.
      if (!isNeutral(line) && (!ASSENTS.has(talk) || languageOf(line) === 'ko')) written = languageOf(line);
      unread = pending;
      // A yes, "more" or "예시" to a list of several says which one no more than a nod does: ask for its number, the list still open.
      listShown = afterList && (talk === 'yes' || (PARTS.has(talk) && suggested.topics.length > 1));
      if (listShown) tell(spoken()('terminal:suggest.which', { count: suggested.topics.length }));
      // A yes or "more" to a "did you mean" with a single topic opens it (the yes above).
      else if (talk === 'more' && yesOpens) await pick('1');
      else if (talk === 'no' && rejected) await offerOthers(rejected.topic, rejected.list);
      else answerSmallTalk(talk, yesOpens ? suggested.topics[0] : undefined);
    } else if (line.startsWith('/')) {
      const [name = '', ...rest] = line.split(/\s+/);
      const command = commands[name.toLowerCase()];
      if (command) goOn = command(rest.join(' '));
      else tell(spoken()('terminal:chat.unknownCommand', { command: name }));
    } else if (line && !(await pick(line, afterList)) && !(extra && (await handle(extra, line)))) {
      // A Docker command is explained, unless pasted with an error message, which is what needs explaining; any other line is a
      // question. A pasted command or error message is nobody's language, nor is "?": without Hangul, it is answered in the conversation's.
      const conversational = state.forced ?? explanationLang(line, written);
      const error = deps.knowledge.pastedError(line) !== undefined;
      if (!error && deps.explainer.holdsCommand(line)) {
        say(`\n${explanationOutput(deps, line, conversational, false).output}\n`);
        // The command explained is what the conversation is about now, not the topic before it.
        previous = undefined;
      } else {
        const ref = randomUUID();
        // "bind mount vs volume" in a Korean chat: Docker's own words are nobody's language either.
        const pasted = isPastedText(deps.knowledge, line) || namesOnlyTerms(deps.knowledge, line);
        const lang = pasted ? conversational : state.forced;
        // "아니 그거 말고 …" turns down what was just shown, the list or the answer, and asks anew without it.
        const reworded = rewordedAfterNo(line);
        const shown = afterList ? suggested.topics : previous ? [previous] : [];
        const turnedDown = reworded && shown.length > 0 ? shown.map((topic) => topic.id) : undefined;
        if (reworded && rejected) await voteDown(rejected.topic, rejected.list);
        // "and for compose?" after a lone "did you mean" goes on from it; any other line may reword what was meant.
        const before = turnedDown ? undefined : (previous ?? (yesOpens && asksForSetting(line) ? suggested.topics[0] : undefined));
        const question = reworded ?? line;
        const outcome = await deps.ask(question, { ...(lang ? { lang } : {}), ...(before ? { after: before.id } : {}), ...(turnedDown ? { excluding: turnedDown } : {}), via: 'terminal-chat', ref });
        if (!pasted) written = languageOf(line);
        reply(outcome, ref, question, pending);
      }
    }
    if (!goOn) break;
  }
  rl.close();
  tell(spoken()('terminal:chat.bye'));
  return 0;
}
