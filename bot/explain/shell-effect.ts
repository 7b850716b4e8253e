import type { Phrase } from './phrases.js';

/** `<`, `>`, `>>`, `2>`, `&>` at the start of what the shell does after the command, and the file it names. */
const REDIRECTION = /^(\d|&)?(>>|>|<)\s*(\S+)/;
/** `2>&1` after an output redirection: the error messages go to the same place. */
const ERRORS_TOO = /(?:^|\s)2>&1(?:\s|$)/;

/**
 * What the shell does with the part of a line after the docker command (`> out.log 2>&1`,
 * `| gzip > app.tar.gz`, `&& docker ps`): docker never sees it, so it is said to be the shell's.
 */
export function shellEffect(part: string, t: Phrase): string {
  const redirection = REDIRECTION.exec(part);
  if (redirection) {
    const [, descriptor, operator, file = ''] = redirection;
    const key = operator === '<' ? 'input' : descriptor === '2' ? 'errors' : operator === '>>' ? 'append' : 'output';
    const said = t(`effect.shell.${key}`, { part, file });
    return key !== 'input' && key !== 'errors' && (descriptor === '&' || ERRORS_TOO.test(part)) ? `${said} ${t('effect.shell.errorsToo')}` : said;
  }
  return t(part.startsWith('|') && !part.startsWith('||') ? 'effect.shell.pipe' : 'effect.shell.then', { part });
}
