import type { Catalogue, CatalogueCommand } from './catalogue.js';
import { readsAsSentence } from '../core/sentence-words.js';
import { parseCommand } from './parse.js';
import { mostOperands } from './trailing-words.js';
import { findCommand, logicalLines, type CommandText } from './words.js';

/** Words that make `docker run vs start` a comparison, not a command to run. */
const COMPARING = new Set(['vs', 'vs.', 'versus', 'and', 'or', '차이', '차이점', '비교']);
/** Of those, the ones no option takes as its value: wherever they stand, the line compares. */
const ONLY_COMPARING = new Set(['vs', 'vs.', 'versus', '차이', '차이점', '비교']);
/**
 * Words that open a phrase, not a name: `docker exec into a stopped container`, `docker run in the
 * background`. Nobody names an image or a container so, and run and exec take any words after it.
 */
const PHRASE_OPENERS = new Set(['a', 'an', 'the', 'my', 'your', 'our', 'their', 'into', 'in', 'on', 'inside', 'with', 'without', 'from', 'for', 'to']);
/** Words a search box adds to ask how a command is used (`docker save example`, `docker run 사용법`): no image or container is named so. */
const ASKING_HOW_TO_USE = new Set(['example', 'examples', 'usage', 'tutorial', 'syntax', '예시', '예제', '사용법']);
const QUOTED = /'[^']*'|"[^"]*"/g;
/** Every Hangul syllable ending in ㅆ, the past tense's mark (했, 갔, 봤, 쳤, 렸…), but 있 ("there is") and 겠 (a guess). */
const PAST = Array.from({ length: 399 }, (_, k) => String.fromCharCode(0xac00 + k * 28 + 20))
  .filter((syllable) => syllable !== '있' && syllable !== '겠')
  .join('');
/**
 * Korean saying the command was run, and what happened next is the message: "docker ps -a 했는데 …",
 * "… 로 들어갔는데 …", "… 쳤더니 …", "… 하니까 …". The person knows what the command is; what it did is the question.
 */
const REPORTED = new RegExp(`^\\s*(?:\\S+\\s+)?\\S*[${PAST}](?:는데|더니|으나)|^\\s*(?:을|를)?\\s*(?:(?:실행|입력)?하|치|돌리)니까`, 'u');
/** Words that join two commands compared in one question: `docker run -it and docker exec -it`, `docker exec better than docker attach`. */
const JOINING = new Set([...COMPARING, 'than', 'instead', 'over']);

/** The message opens with the command: a code block, a prompt, sudo or docker itself. */
const OPENS_WITH_COMMAND = /^\s*(?:```[\w-]*\s*|`)?(?:\S*[$#>]\s+)?(?:sudo\s+)?(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*docker(?:-compose)?\s/;

/**
 * Whether a question holds a Docker command to explain part by part, rather than mention one: a known
 * subcommand with at least one option (`… docker run -d nginx 이게 뭐야?`), or a message that opens
 * with the command and names what it acts on (`docker pull nginx`). `docker run vs start`,
 * "what does docker run do" and `docker run hello-world doesn't work` stay questions for the
 * knowledge base, as does a command followed by words saying it goes wrong, options or not.
 */
export function holdsCommand(text: string, catalogue: Catalogue, asksAboutOutcome: (text: string) => boolean): boolean {
  const found = findCommand(text);
  if (!found) return false;
  // "docker ps -a 했는데 아무것도 안 나와요", "why does docker run -d ubuntu exit": the sentence around
  // the command says it goes wrong, or asks why it did what it did.
  const question = around(text, found).replace(QUOTED, ' ');
  if ((found.asked || !OPENS_WITH_COMMAND.test(text)) && asksAboutOutcome(question)) return false;
  if (found.asked && REPORTED.test(after(text, found))) return false;
  // A command pasted with what it printed, which reports an error: the error is what needs explaining.
  if (asksAboutOutcome(printedLines(text).join('\n'))) return false;
  if (comparesTwoCommands(found.words)) return false;
  // "docker run -v 랑 --mount 중에 뭐가 나아요?": the question around the command names another option to compare.
  if (found.asked && /(?:^|\s)--?[A-Za-z]/.test(question)) return false;
  const parsed = parseCommand(found.words, catalogue);
  if (!parsed.command || parsed.command.name === '') return false;
  // `docker run -v or --mount which is better`: two options compared, the first seeming to take "or" as its value.
  if (found.words.some((word, at) => ONLY_COMPARING.has(word.toLowerCase()) || (COMPARING.has(word.toLowerCase()) && isOption(found.words[at - 1]) && isOption(found.words[at + 1])))) return false;
  const operands = parsed.tokens.filter((token) => token.kind === 'operand');
  if (parsed.command.optionsFirst && PHRASE_OPENERS.has(operands[0]?.typed.toLowerCase() ?? '')) return false;
  if (parsed.tokens.some((token) => token.kind === 'option')) return true;
  // "docker run exits immediately": words saying it goes wrong, and no option to make it a command line.
  // Quoted words are the container's (`sh -c 'echo not found'`).
  if (asksAboutOutcome(without(text, [found.fed, found.shell]).replace(QUOTED, ' '))) return false;
  return (
    OPENS_WITH_COMMAND.test(text) &&
    !found.asked &&
    operands.length > 0 &&
    operands.length <= mostOperands(parsed.command) &&
    !operands.some((token) => COMPARING.has(token.typed.toLowerCase())) &&
    !searchesCommand(parsed.command, operands.map((token) => token.typed.toLowerCase()), catalogue) &&
    // The words after `docker run IMAGE` are the container's program and its arguments, sentence or not.
    (parsed.command.optionsFirst || !readsAsSentence(operands.map((token) => token.typed)))
  );
}

/**
 * `docker save load example`, `docker stop kill`, `docker cp 사용법`: the words after the command ask how
 * it is used, or name another of docker's commands that the same topic explains, as typed into a search
 * box, and no image or container. After `docker run IMAGE` the words are the program's and its
 * arguments (`docker run ubuntu top`), and a plugin's operands are its own (Compose's services).
 */
function searchesCommand(command: CatalogueCommand, operands: readonly string[], catalogue: Catalogue): boolean {
  if (command.name.includes(' ')) return false;
  const named = command.optionsFirst ? operands.slice(0, 1) : operands;
  return named.some((word) => {
    const other = catalogue.command(word);
    return ASKING_HOW_TO_USE.has(word) || (other !== undefined && other !== command && other.name === word && other.topics.some((topic) => command.topics.includes(topic)));
  });
}

/** The text after the command, as typed: what the person says about it. */
function after(text: string, found: CommandText): string {
  const at = text.indexOf(found.line);
  return at < 0 ? '' : text.slice(at + found.line.length);
}

/** The lines of a paste that are not a command, read as `findCommand` reads them: what the command printed, quoted words aside. */
function printedLines(text: string): string[] {
  const lines = logicalLines(text);
  if (lines.length < 2) return [];
  return lines.filter((line) => line.trim() !== '' && !OPENS_WITH_COMMAND.test(line)).map((line) => line.replace(QUOTED, ' '));
}

/**
 * "What is the difference between docker run -it and docker exec -it", "is docker exec -it better than
 * docker attach?": a second docker command, joined to the first by a word that compares. A container
 * running docker itself (`docker exec dind docker ps`) has no such word between.
 */
function comparesTwoCommands(words: readonly string[]): boolean {
  const second = words.indexOf('docker', 1);
  return second > 0 && words.slice(1, second).some((word) => JOINING.has(word.toLowerCase()));
}

/** The words around the command: the line less the command, what is piped into it and the shell's part after it (`| grep -i error`). */
const around = (text: string, found: CommandText): string => without(text, [found.fed, found.shell, found.line]);

/** The text less each of `parts` found in it: what the shell does is never the question's words. */
function without(text: string, parts: ReadonlyArray<string | undefined>): string {
  let rest = text;
  for (const part of parts) if (part) rest = rest.replace(part, ' ');
  return rest;
}

const isOption = (word: string | undefined): boolean => word !== undefined && /^--?[A-Za-z]/.test(word);

