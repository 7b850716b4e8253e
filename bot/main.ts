#!/usr/bin/env node
import { systemClock } from './core/clock.js';
import { langFromLocale, type Lang } from './core/lang.js';
import { ok, type Failure, type Result } from './core/result.js';
import { fileAuditLog } from './audit.js';
import { readConfig, type Config } from './config.js';
import { createI18n, explain, translator } from './i18n.js';
import { parseLang, takeLang } from './terminal/args.js';
import type { LabCommandDeps } from './terminal/lab-command.js';

/**
 * The lab, built on demand: dockerode and the archive code load only when a lab action is asked for,
 * which keeps `gorae ask` and the health check quick.
 */
async function terminalLab(config: Config, i18n: LabCommandDeps['i18n'], uiLang: Lang): Promise<Result<LabCommandDeps, string>> {
  const [{ labServices }, { terminalUser }, { clearLeftovers }] = await Promise.all([
    import('./lab/services.js'),
    import('./terminal/lab-command.js'),
    import('./lab/archive/leftovers.js'),
  ]);
  const lab = labServices(config);
  if (!lab.ok) return lab;
  // What a save killed earlier (power cut, kill -9, a container restart) left behind.
  await clearLeftovers(lab.value.exchange.dir);
  const { stdin, stdout, stderr } = process;
  return ok({ i18n, uiLang, lab: lab.value, audit: fileAuditLog(config.GORAE_AUDIT_LOG), who: terminalUser(), stdin, stdout, stderr });
}

/** The commands whose words are a question or a docker command line, whatever options those carry. */
const TAKES_WORDS = new Set(['ask', 'explain']);

/** The words before a `--`: after it they are a question's (`gorae ask -- --help 옵션`), never Gorae's options. */
const ownArgs = (argv: readonly string[]): readonly string[] => (argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv);

/** Every command word main and runAssistant take: a --lang before any of them is moved after it. */
const COMMANDS = new Set(['ask', 'explain', 'topic', 'chat', 'gaps', 'health', 'lab', 'help']);

/** `gorae --lang ko explain "…"`: a --lang written before the command is read as if written right after it. */
function commandFirst(argv: readonly string[]): readonly string[] {
  const taken = argv[0] === '--lang' ? 2 : argv[0]?.startsWith('--lang=') ? 1 : 0;
  const command = argv[taken];
  if (taken === 0 || command === undefined || !COMMANDS.has(command)) return argv;
  return [command, ...argv.slice(0, taken), ...argv.slice(taken + 1)];
}

/** The UI language: `--lang`, then GORAE_LANG, then the system locale. */
function uiLanguage(argv: readonly string[], config: Config | undefined): Lang {
  const flag = parseLang(takeLang(ownArgs(argv)).value);
  if (flag.ok && flag.value) return flag.value;
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
  const [command, ...rest] = commandFirst(argv);
  // Every command takes --help; `lab` has its own, the others share this one. After ask and explain the
  // words are a question or a command line (`docker run -h myhost ubuntu`): only a lone -h asks for help.
  const isHelp = (arg: string) => arg === '--help' || arg === '-h';
  const wantsHelp = command !== 'lab' && (TAKES_WORDS.has(command ?? '') ? rest.length === 1 && isHelp(rest[0]!) : ownArgs(argv).some(isHelp));
  if (wantsHelp || command === 'help') {
    process.stdout.write(`${ui('terminal:usage')}\n`);
    return 0;
  }
  if (command === 'health') {
    const { runHealthCommand } = await import('./terminal/health-command.js');
    const { stdout, stderr } = process;
    return runHealthCommand({ file: config.value.GORAE_HEALTH_FILE, clock: systemClock, t: ui, stdout, stderr });
  }
  if (command === 'gaps') {
    const [{ runGapsCommand }, { jsonlGapLog }] = await Promise.all([import('./terminal/gaps-command.js'), import('./knowledge/gaps.js')]);
    const { stdout, stderr } = process;
    return runGapsCommand(rest, { gaps: jsonlGapLog(config.value.GORAE_GAPS_FILE), t: ui, stdout, stderr });
  }
  if (command === 'lab') {
    const lab = await terminalLab(config.value, i18n, uiLang);
    if (!lab.ok) return usageError(lab.error);
    const { runLabCommand } = await import('./terminal/lab-command.js');
    return runLabCommand(rest, lab.value);
  }

  const { runAssistant } = await import('./assistant.js');
  return runAssistant(command, rest, argv, { config: config.value, i18n, uiLang, terminalLab: () => terminalLab(config.value, i18n, uiLang) });

  function usageError(failure: Failure): number {
    process.stderr.write(`${explain(ui, failure)}\n`);
    return 2;
  }
}

/**
 * A reader that stops early (`gorae ask … | head`) closes the pipe: nobody is left to read the rest,
 * so Gorae ends quietly rather than with node's stack trace.
 */
function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

endQuietlyWhenStdoutCloses();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
