import { join } from 'node:path';
import type { i18n } from 'i18next';
import { systemClock } from './core/clock.js';
import type { Lang } from './core/lang.js';
import { codeOf } from './core/error-code.js';
import { packageRoot } from './core/paths.js';
import type { Failure, Result } from './core/result.js';
import type { Config } from './config.js';
import { fileHealthReporter } from './health.js';
import { explain, translator, type Translate } from './i18n.js';
import { createExplainer } from './explain/explainer.js';
import { loadCatalogue } from './explain/load-catalogue.js';
import { createAsker } from './knowledge/asker.js';
import { createFeedback } from './knowledge/feedback.js';
import { jsonlGapLog } from './knowledge/gaps.js';
import { loadKnowledge } from './knowledge/knowledge.js';
import { parseCommandLine, parseLang } from './terminal/args.js';
import { runAskCommand } from './terminal/ask-command.js';
import { runChat } from './terminal/chat.js';
import { runExplainCommand } from './terminal/explain-command.js';
import type { TerminalDeps } from './terminal/deps.js';
import { runTopicCommand } from './terminal/topic-command.js';
import type { LabCommandDeps } from './terminal/lab-command.js';
import { labLines } from './terminal/lab-lines.js';

export interface AssistantContext {
  readonly config: Config;
  readonly i18n: i18n;
  readonly uiLang: Lang;
  /** The terminal's lab, built only when a lab line arrives in the chat. */
  readonly terminalLab: () => Promise<Result<LabCommandDeps, string>>;
}

/**
 * Everything that answers questions: `gorae ask`, the chat, and Discord when a token is set. The
 * knowledge base loads first; a broken topic file stops start-up here, naming the file and field.
 */
export async function runAssistant(command: string | undefined, rest: readonly string[], argv: readonly string[], context: AssistantContext): Promise<number> {
  const { config, i18n, uiLang } = context;
  const ui = translator(i18n, uiLang);
  const usageError = (failure: Failure): number => {
    process.stderr.write(`${explain(ui, failure)}\n`);
    return 2;
  };

  const knowledgeDir = config.GORAE_KNOWLEDGE_DIR ?? join(packageRoot(import.meta.url), 'knowledge');
  const [knowledge, catalogue] = await Promise.all([loadKnowledge(knowledgeDir), loadCatalogue(join(knowledgeDir, 'commands'))]);
  const loadFailed = (failure: Failure): number => {
    process.stderr.write(`${explain(ui, failure)}\n`);
    return 1;
  };
  if (!knowledge.ok) return loadFailed(knowledge.error);
  if (!catalogue.ok) return loadFailed(catalogue.error);
  const explainer = createExplainer(
    catalogue.value,
    (id) => knowledge.value.topic(id) !== undefined,
    (text) => knowledge.value.asksAboutOutcome(text),
  );
  const gaps = jsonlGapLog(config.GORAE_GAPS_FILE);
  const ask = createAsker({ knowledge: knowledge.value, gaps, clock: systemClock, onGapError: warnOnce(ui, config.GORAE_GAPS_FILE) });
  const feedback = createFeedback({ gaps, clock: systemClock });

  if (config.DISCORD_TOKEN && command === undefined) {
    const [{ labServices }, { startDiscord }, { clearLeftovers }] = await Promise.all([
      import('./lab/services.js'),
      import('./discord/start.js'),
      import('./lab/archive/leftovers.js'),
    ]);
    const lab = labServices(config);
    if (!lab.ok) return usageError(lab.error);
    await clearLeftovers(lab.value.exchange.dir);
    const health = fileHealthReporter(config.GORAE_HEALTH_FILE, systemClock);
    try {
      health.update({ knowledge: true });
    } catch (error) {
      return usageError({ id: 'common.health.unwritable', vars: { file: config.GORAE_HEALTH_FILE ?? '', reason: codeOf(error) } });
    }
    // startDiscord logs why it could not connect; it then runs until SIGTERM/SIGINT.
    return startDiscord({ config, i18n, knowledge: knowledge.value, ask, feedback, explainer, health, lab: lab.value, gaps }).then(
      () => 0,
      () => 1,
    );
  }

  const terminal: TerminalDeps = { i18n, uiLang, knowledge: knowledge.value, ask, feedback, explainer, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  if (command === 'ask') return runAskCommand(rest, terminal);
  if (command === 'explain') return runExplainCommand(rest, terminal);
  if (command === 'topic') return runTopicCommand(rest, terminal);
  if (command !== undefined && command !== 'chat' && !command.startsWith('-')) {
    return usageError({ id: 'terminal.args.command', vars: { command } });
  }
  const parsed = parseCommandLine(command === 'chat' ? rest : argv, { lang: { type: 'string' } });
  if (!parsed.ok) return usageError(parsed.error);
  const lang = parseLang(parsed.value.values.lang);
  if (!lang.ok) return usageError(lang.error);
  return runChat(terminal, labLines(context.terminalLab, process.stderr), lang.value);
}

/** An unwritable gap log is worth one warning per process, not one per question. */
function warnOnce(ui: Translate, file: string): (error: unknown) => void {
  let warned = false;
  return (error) => {
    if (warned) return;
    warned = true;
    process.stderr.write(`${ui('knowledge:gaps.unwritable', { file, reason: codeOf(error) })}\n`);
  };
}
