#!/usr/bin/env node
import { join } from 'node:path';
import { systemClock } from './core/clock.js';
import { langFromLocale, type Lang } from './core/lang.js';
import { packageRoot } from './core/paths.js';
import { ok, type Failure, type Result } from './core/result.js';
import { fileAuditLog } from './audit.js';
import { readConfig, type Config } from './config.js';
import { fileHealthReporter } from './health.js';
import { createI18n, explain, translator } from './i18n.js';
import { createAsker } from './knowledge/asker.js';
import { jsonlGapLog } from './knowledge/gaps.js';
import { loadKnowledge } from './knowledge/knowledge.js';
import { parseCommandLine, parseLang } from './terminal/args.js';
import { runAskCommand } from './terminal/ask-command.js';
import { runChat } from './terminal/chat.js';
import type { TerminalDeps } from './terminal/deps.js';
import type { LabCommandDeps } from './terminal/lab-command.js';
import { labLines } from './terminal/lab-lines.js';

/**
 * The lab, built on demand: dockerode and the archive code load only when a lab action is asked for,
 * which keeps `gorae ask` and the health check quick.
 */
async function terminalLab(config: Config, i18n: LabCommandDeps['i18n'], uiLang: Lang): Promise<Result<LabCommandDeps, string>> {
  const [{ labPorts }, { terminalUser }] = await Promise.all([import('./lab/ports.js'), import('./terminal/lab-command.js')]);
  const lab = labPorts(config);
  if (!lab.ok) return lab;
  const { stdin, stdout, stderr } = process;
  return ok({ i18n, uiLang, lab: lab.value, audit: fileAuditLog(config.GORAE_AUDIT_LOG), who: terminalUser(), stdin, stdout, stderr });
}

/** The UI language: `--lang`, then GORAE_LANG, then the system locale. */
function uiLanguage(argv: readonly string[], config: Config | undefined): Lang {
  const flag = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = flag < 0 ? undefined : argv[flag]!.includes('=') ? argv[flag]!.split('=')[1] : argv[flag + 1];
  if (value === 'ko' || value === 'en') return value;
  if (config?.GORAE_LANG) return config.GORAE_LANG;
  const env = process.env;
  return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale);
}

async function main(argv: readonly string[]): Promise<number> {
  const i18n = createI18n();
  const config = readConfig();
  if (!config.ok) {
    process.stderr.write(`${explain(translator(i18n, uiLanguage(argv, undefined)), config.error)}\n`);
    return 2;
  }
  const uiLang = uiLanguage(argv, config.value);
  const ui = translator(i18n, uiLang);
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${ui('terminal:usage')}\n`);
    return 0;
  }
  if (command === 'health') {
    const { runHealthCommand } = await import('./terminal/health-command.js');
    const { stdout, stderr } = process;
    return runHealthCommand({ file: config.value.GORAE_HEALTH_FILE, clock: systemClock, t: ui, stdout, stderr });
  }
  if (command === 'lab') {
    const lab = await terminalLab(config.value, i18n, uiLang);
    if (!lab.ok) return usageError(lab.error);
    const { runLabCommand } = await import('./terminal/lab-command.js');
    return runLabCommand(rest, lab.value);
  }

  const knowledge = await loadKnowledge(config.value.GORAE_KNOWLEDGE_DIR ?? join(packageRoot(import.meta.url), 'knowledge'));
  if (!knowledge.ok) {
    process.stderr.write(`${explain(ui, knowledge.error)}\n`);
    return 1;
  }
  const gaps = jsonlGapLog(config.value.GORAE_GAPS_FILE);
  let warned = false;
  const onGapError = (error: unknown) => {
    if (warned) return;
    warned = true;
    process.stderr.write(`${ui('knowledge:gaps.unwritable', { file: config.value.GORAE_GAPS_FILE, reason: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`);
  };
  const ask = createAsker({ knowledge: knowledge.value, gaps, clock: systemClock, onGapError });
  if (config.value.DISCORD_TOKEN && command === undefined) {
    const [{ labPorts }, { startDiscord }] = await Promise.all([import('./lab/ports.js'), import('./discord/start.js')]);
    const lab = labPorts(config.value);
    if (!lab.ok) return usageError(lab.error);
    const health = fileHealthReporter(config.value.GORAE_HEALTH_FILE, systemClock);
    health.update({ knowledge: true });
    // startDiscord logs why it could not connect; it then runs until SIGTERM/SIGINT.
    return startDiscord({ config: config.value, i18n, knowledge: knowledge.value, ask, health, lab: lab.value, gaps }).then(
      () => 0,
      () => 1,
    );
  }
  const terminal: TerminalDeps = {
    i18n,
    uiLang,
    knowledge: knowledge.value,
    ask,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  };

  if (command === 'ask') return runAskCommand(rest, terminal);
  if (command !== undefined && command !== 'chat' && !command.startsWith('-')) {
    return usageError({ id: 'terminal.args.command', vars: { command } });
  }
  const parsed = parseCommandLine(command === 'chat' ? rest : argv, { lang: { type: 'string' } });
  if (!parsed.ok) return usageError(parsed.error);
  const lang = parseLang(parsed.value.values.lang);
  if (!lang.ok) return usageError(lang.error);
  return runChat(terminal, labLines(() => terminalLab(config.value, i18n, uiLang), process.stderr));

  function usageError(failure: Failure): number {
    process.stderr.write(`${explain(ui, failure)}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
