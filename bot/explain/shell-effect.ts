import type { Phrase } from './phrases.js';

/** A redirection to or from a file: `>`, `>>`, `<`, `2>`, `&>`, with the file written apart or joined on. */
const REDIRECTION = /^(\d|&)?(>>|>|<)(?!&)\s*(\S*)$/;
/** `2>&1`: the error messages go where the output goes. */
const ERRORS_TOO = /^2>&1$/;
/** What ends the docker command's own part: the next program, or the next command. */
const PIPE = '|';
const SEQUENCE = { '&&': 'and', '||': 'or', ';': 'then', '&': 'background' } as const;

/**
 * What the shell does with the part of a line after the docker command (`> out.log 2>&1`,
 * `2>&1 | grep ERROR`, `&& docker ps`): docker never sees it, so it is said to be the shell's, clause
 * by clause, up to the next program or command, which Gorae does not explain.
 */
export function shellEffect(part: string, t: Phrase): string {
  const words = part.split(/\s+/).filter(Boolean);
  const said = [t('effect.shell.lead', { part })];
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!;
    if (ERRORS_TOO.test(word)) said.push(t('effect.shell.errorsToo'));
    else if (word === PIPE) {
      said.push(t('effect.shell.pipe', { program: words[at + 1] ?? '' }), t('effect.shell.only'));
      break;
    } else if (word in SEQUENCE) {
      said.push(t(`effect.shell.${SEQUENCE[word as keyof typeof SEQUENCE]}`), ...(word === '&' && at === words.length - 1 ? [] : [t('effect.shell.only')]));
      break;
    } else {
      const redirection = REDIRECTION.exec(word);
      if (!redirection) continue;
      const [, descriptor, operator, joined] = redirection;
      const file = joined || words[++at] || '';
      const key = operator === '<' ? 'input' : descriptor === '2' ? 'errors' : operator === '>>' ? 'append' : 'output';
      said.push(t(`effect.shell.${key}`, { file }));
      if (descriptor === '&') said.push(t('effect.shell.errorsToo'));
    }
  }
  return said.join(' ');
}
