import type { Result } from '../core/result.js';
import { explain } from '../i18n.js';
import { LAB_ACTIONS } from '../lab/actions.js';
import { attemptedAction, isCommandLine, parseLab } from '../lab/parse.js';
import type { LineHandler } from './chat.js';
import type { LabCommandDeps } from './lab-command.js';
import { wrap } from './wrap.js';

/**
 * Lets the chat run `docker ps -a`-style lines through the same whitelist as `gorae lab`. The lab
 * (and dockerode with it) is only built when the first such line arrives. A Docker command outside
 * the whitelist (`docker logs`) goes on to the chat as a question.
 */
export function labLines(build: () => Promise<Result<LabCommandDeps, string>>, stderr: NodeJS.WritableStream & { columns?: number }): LineHandler {
  let deps: Promise<Result<LabCommandDeps, string>> | undefined;
  return async (line, { t, lang, prompt, interrupted }) => {
    if (!isCommandLine(line)) return false;
    // `docker logs` is a Docker command Gorae does not run, but a fine question: answer the concept.
    const parsed = parseLab(line);
    if (!parsed.ok && parsed.error.id === 'lab.parse.action') {
      stderr.write(`${wrap(t('terminal:chat.notLab', { command: `docker ${attemptedAction(line)}` }), stderr.columns)}\n`);
      return false;
    }
    // `docker ps -a | grep Exited`: a shell line, which the lab never runs; the chat explains it. An
    // attempt at one of the four actions is audited as refused all the same, as on Discord.
    if (!parsed.ok && parsed.error.id === 'lab.parse.unsafe') {
      stderr.write(`${wrap(t('terminal:chat.notLabShell', { char: String(parsed.error.vars?.char ?? '') }), stderr.columns)}\n`);
      if ((LAB_ACTIONS as readonly string[]).includes(attemptedAction(line))) {
        deps ??= build();
        const ready = await deps;
        const audited = ready.ok ? await (await import('./lab-command.js')).auditRefusal(line, parsed.error.id, ready.value) : ready;
        if (!audited.ok) stderr.write(`${explain(t, audited.error)}\n`);
      }
      return false;
    }
    deps ??= build();
    const ready = await deps;
    if (!ready.ok) {
      stderr.write(`${explain(t, ready.error)}\n`);
      return true;
    }
    const { runLabInput } = await import('./lab-command.js');
    // Tables and failures in the language the chat is held in, not the terminal's.
    const code = await runLabInput(line, { ...ready.value, uiLang: lang }, (question) => prompt(question), interrupted);
    // A listing that could not run (no engine here) still has a question in it for a newcomer: what the command does.
    const lists = parsed.ok && (parsed.value.action.action === 'ps' || parsed.value.action.action === 'images');
    return code === 0 || !lists;
  };
}
