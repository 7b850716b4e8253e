import type { Result } from '../core/result.js';
import { explain } from '../i18n.js';
import { isCommandLine } from '../lab/parse.js';
import type { LineHandler } from './chat.js';
import type { LabCommandDeps } from './lab-command.js';

/**
 * Lets the chat run `docker ps -a`-style lines through the same whitelist as `gorae lab`. The lab
 * (and dockerode with it) is only built when the first such line arrives.
 */
export function labLines(build: () => Promise<Result<LabCommandDeps, string>>, stderr: NodeJS.WritableStream): LineHandler {
  let deps: Promise<Result<LabCommandDeps, string>> | undefined;
  return async (line, { t, prompt, interrupted }) => {
    if (!isCommandLine(line)) return false;
    deps ??= build();
    const ready = await deps;
    if (!ready.ok) {
      stderr.write(`${explain(t, ready.error)}\n`);
      return true;
    }
    const { runLabInput } = await import('./lab-command.js');
    await runLabInput(line, ready.value, (question) => prompt(question), interrupted);
    return true;
  };
}
