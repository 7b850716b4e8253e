/**
 * English function words: nobody names a container, image or service so, and every sentence holds
 * some. Two or more words after `docker stop` with one among them are a sentence about the command
 * ("docker stop doesnt stop my container"), not the names it acts on.
 */
const SENTENCE_WORDS = new Set([
  'a', 'an', 'the', 'my', 'your', 'our', 'their', 'its', 'it', 'this', 'that', 'these', 'those', 'i', 'we', 'you', 'they',
  'is', 'are', 'was', 'were', 'be', 'been', 'am', 'do', 'does', 'did', 'has', 'have', 'had', 'can', 'will', 'would', 'should', 'could',
  'to', 'of', 'for', 'in', 'on', 'at', 'by', 'from', 'with', 'without', 'after', 'before', 'when', 'while', 'if', 'because',
  'not', 'no', 'too', 'very', 'so', 'but', 'than', 'then', "doesn't", 'doesnt', "don't", 'dont', "didn't", 'didnt',
  "isn't", 'isnt', "won't", 'wont', "can't", 'cant',
  'only', 'just', 'also', 'again', 'every', 'how', 'what', 'which', 'where', 'why',
  // Saying what it shows: "docker stats shows 99% memory", "docker inspect says OOMKilled true".
  'shows', 'showing', 'says', 'said', 'saying', 'using', 'uses',
  // Saying how it goes: "docker build keeps failing", "docker compose up hangs".
  'keeps', 'keep', 'failing', 'fails', 'failed', 'working', 'works', 'broken', 'stuck', 'hangs', 'crashes', 'crashed',
]);

/** Whether the words after a command read as an English sentence rather than names. */
export const readsAsSentence = (words: readonly string[]): boolean => words.length >= 2 && words.some((word) => SENTENCE_WORDS.has(word.toLowerCase()));

/** Words that compare a command with another: "docker save vs export", "docker compose up or docker run". */
const COMPARING_WORDS = new Set(['vs', 'vs.', 'versus', 'or', 'difference', 'between']);

/**
 * Words that ask the chat for a command ("save lab/tool:1.0 as tool.tar please"): after one of its
 * lab actions they make the line a question. A pasted command's own arguments may hold them
 * (`mysql -u me`, `--name me`), so only there.
 */
const ASKING_WORDS = new Set([...COMPARING_WORDS, 'and', 'please', 'pls', 'as', 'into', 'me']);

const holdsAny = (words: readonly string[], set: ReadonlySet<string>): boolean => words.length >= 2 && words.some((word) => set.has(word.toLowerCase()));

/** Whether the words of a docker command read as a sentence, or compare it with another. */
export const comparesCommands = (words: readonly string[]): boolean => readsAsSentence(words) || holdsAny(words, COMPARING_WORDS);

/** Whether the words after a lab action read as a sentence, compare it, or ask for it. */
export const asksAboutCommand = (words: readonly string[]): boolean => readsAsSentence(words) || holdsAny(words, ASKING_WORDS);
