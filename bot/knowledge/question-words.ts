import type { Analyzer } from './analyzer.js';

/** A word whose letters or digits are joined by an underscore, or by dots more than once. */
const JOINED = /[a-z0-9]_[a-z0-9]|[a-z0-9]\.[a-z0-9]+\.[a-z0-9]/u;
const NUMBER = /^[\d._]+$/u;
/** "Q." or "Q3:" in front of a question, as study notes and interview lists number them: a label, not a word. */
const QUESTION_LABEL = /^\s*q\d*\s*[.:)]\s*/iu;

/**
 * The words of a question, where a word joined by underscores or several dots that the knowledge
 * base does not know (a name like my_app_data, a Compose key like deploy.resources.limits.cpus)
 * is read as its parts. A known one (x86_64), a file name (main.js) and a version or address
 * (12.04, 127.0.0.1) stay whole. A label numbering the question ("Q2.") is left out.
 */
export function* questionWords(question: string, analyzer: Analyzer, inBase: (term: string) => boolean): Iterable<string> {
  for (const word of analyzer.words(question.replace(QUESTION_LABEL, ''))) {
    if (!JOINED.test(word) || NUMBER.test(word)) yield word;
    else {
      const term = analyzer.term(word);
      if (term === null || inBase(term)) yield word;
      else yield* word.split(/[._]/u).filter(Boolean);
    }
  }
}
