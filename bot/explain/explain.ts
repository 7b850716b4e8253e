import type { Lang } from '../core/lang.js';
import type { Phrase } from './phrases.js';
import type { Catalogue, CatalogueCommand } from './catalogue.js';
import { cpPathKey } from './cp.js';
import { scoutSource, splitImage, type ImageSplit } from './image.js';
import { imageText, imageUse, pullPolicy } from './image-text.js';
import { CREATES_CONTAINER, filesExport, isOn, onHostNetwork, valueOf } from './line.js';
import { parseCommand, readsAsOptions, type OperandToken, type OptionToken, type Token } from './parse.js';
import { refusalsOf } from './refusals.js';
import { risksOf, type RiskId } from './risks.js';
import { listedIds, type Listed } from './listed-ids.js';
import { shellEffect, shellHandles } from './shell-effect.js';
import { variableText } from './shell-variables.js';
import { mergesComposeFiles, optionText, valueText, type Occurrence } from './option-text.js';
import { withoutTrailingSentence } from './trailing-words.js';
import { findCommand } from './words.js';

export type PartRole = 'variable' | 'option' | 'value' | 'image' | 'argument' | 'subcommand';

export interface Part {
  readonly token: string;
  readonly role: PartRole;
  readonly known: boolean;
  readonly text: string;
  /** For a plain argument of the container's program: what a run of them side by side says, shown as one row (rows.ts). */
  readonly together?: string;
}

export interface Explanation {
  readonly status: 'explained' | 'not-a-command';
  readonly lang: Lang;
  /** The command as read, continuations joined. */
  readonly line: string;
  readonly subcommand: string | null;
  readonly image: Omit<ImageSplit, 'problem'> | null;
  readonly parts: readonly Part[];
  readonly warnings: ReadonlyArray<{ readonly token: string; readonly text: string }>;
  /** What running it does, in order: the subcommand's effect (unless an option makes it do something else), then each option's. */
  readonly effects: readonly string[];
  readonly topics: readonly string[];
}

export interface ExplainPorts {
  readonly catalogue: Catalogue;
  /** Only topics the knowledge base holds are linked. */
  readonly hasTopic: (id: string) => boolean;
}

/** Explains the first Docker command in `text`, part by part, in `lang`; nothing is ever run. */
export function explainCommand(text: string, lang: Lang, t: Phrase, ports: ExplainPorts): Explanation {
  const typed = findCommand(text);
  const found = typed && withoutTrailingSentence(typed, ports.catalogue);
  if (!found || found.words.length < 2) {
    return { status: 'not-a-command', lang, line: text.trim(), subcommand: null, image: null, parts: [], warnings: [], effects: [], topics: [] };
  }
  const parsed = parseCommand(found.words, ports.catalogue);
  const command = parsed.command;
  // Under a subcommand the catalogue lacks, no option or word after it can be explained.
  const unknown = parsed.tokens.some((token) => token.kind === 'subcommand' && !token.command) ? `docker ${parsed.subcommand}` : undefined;
  // `COMPOSE_PROFILES=worker docker compose up`: the shell's variables for the command come first, as typed.
  const parts: Part[] = (found.variables ?? []).map((assignment) => ({ token: assignment, role: 'variable', known: true, text: variableText(assignment, t) }));
  const topics: string[] = [...(command?.topics ?? [])];
  let commandEffect = command?.effect?.[lang];
  const effects: string[] = [];
  let image: ImageSplit | undefined;
  let beforeSubcommand = true;
  const composeFiles = parsed.tokens.filter((token) => token.kind === 'option' && token.option !== undefined && mergesComposeFiles(token.option));
  const operands = parsed.tokens.filter((token) => token.kind === 'operand');
  /** Operands a listing's IDs stand for (`$(docker ps -aq)`), which the risks weigh. */
  const listings: Array<{ token: string; listed: Listed }> = [];
  const asksHelp = parsed.tokens.some((token) => token.kind === 'option' && (token.typed === '--help' || token.typed === '-h'));
  // A line docker refuses does none of what its parts would do.
  const refusals = asksHelp ? [] : refusalsOf(parsed.tokens, command?.name);

  for (const token of parsed.tokens) {
    switch (token.kind) {
      case 'subcommand':
        beforeSubcommand = false;
        parts.push({
          token: token.typed,
          role: 'subcommand',
          known: token.command !== undefined,
          text: token.command ? withComposeV1(token.command.summary[lang], token.typed, t) : t('subcommand.unknown', { subcommand: token.name }),
        });
        break;
      case 'option':
        // `docker -it exec web sh`: an option of the subcommand written before it, where only docker's own options go.
        if (beforeSubcommand && !token.option && command && misplaced(token.typed, command, ports.catalogue)) {
          parts.push({ token: token.typed, role: 'option', known: false, text: t('option.beforeSubcommand', { option: token.typed, command: `docker ${command.name}` }) });
          break;
        }
        const occurrence = composeFiles.includes(token) ? { index: composeFiles.indexOf(token), count: composeFiles.length } : undefined;
        const [head, ...value] = optionParts(token, lang, t, command?.name ?? parsed.subcommand, unknown, occurrence);
        const inLine = lineText(token, parsed.tokens, command?.name, t);
        parts.push(inLine ? { ...head!, text: inLine } : head!, ...value);
        if (token.option) {
          topics.push(...token.option.topics);
          if (token.option.effect && token.value !== 'false') {
            if (token.option.instead) commandEffect = undefined;
            // Detached, nothing typed reaches the container until docker attach joins it.
            const detachedInput = token.option.name === 'interactive' && command?.name === 'run' && isOn(parsed.tokens, 'detach');
            effects.push(detachedInput ? t(isOn(parsed.tokens, 'tty') ? 'effect.detachedInput' : 'effect.detachedInputNoTty') : token.option.effect[lang]);
          }
        }
        break;
      case 'operand': {
        // Scout's IMAGE may carry a prefix (local://, fs://, sbom://…) that no image name has: say what it means, split nothing.
        const source = token.operand === 'scoutImage' ? scoutSource(token.typed) : undefined;
        const substituted = SUBSTITUTION.exec(token.typed);
        if (source) {
          parts.push({ token: token.typed, role: 'image', known: true, text: `${t(`image.scout.${source}`)} ${t('image.scout.unsplit')}` });
        } else if (substituted && !unknown) {
          // `$(docker ps -aq)`: the shell runs it first, and its words become the arguments.
          const listed = listedIds(substituted[1] ?? '', ports.catalogue);
          if (listed) listings.push({ token: token.typed, listed });
          const key = listed ? (`operand.substitutionOf.${listed}` as const) : 'operand.substitution';
          parts.push({ token: token.typed, role: token.operand === 'image' ? 'image' : 'argument', known: true, text: t(key, { inner: substituted[1] ?? '' }) });
        } else if (token.operand === 'image' || token.operand === 'scoutImage') {
          const split = splitImage(token.typed);
          image ??= split;
          parts.push({ token: token.typed, role: 'image', known: split.problem === undefined, text: imageText(split, t, imageUse(command?.name, parsed.tokens, refusals.length > 0, operands.indexOf(token))) });
        } else {
          // `docker exec web -it bash`: an option after the container is the program docker tries to run.
          const late = token.operand === 'command' && command?.name.endsWith('exec') === true && token.typed.startsWith('-');
          const key = late ? 'operand.execOptionLate' : operandKey(token.operand, token.typed, command);
          const cp = command?.name === 'cp' ? cpPathKey(token.typed, operands.indexOf(token)) : undefined;
          const text = unknown ? t('operand.underUnknown', { command: unknown }) : cp ? t(cp.key, cp.vars) : t(key);
          const plain = !unknown && !cp && key === 'operand.argument';
          parts.push({ token: token.typed, role: 'argument', known: command !== undefined && !late, text, ...(plain ? { together: t('operand.arguments') } : {}) });
        }
        break;
      }
    }
  }
  if (image && image.problem === undefined) topics.push(image.tag === null && image.digest === null ? 'tags' : 'image-names');
  // `docker run -it` with its image on a line that lost its backslash: docker refuses it, nothing starts.
  // Asked about in a question ("docker run -it 뜻"), it is an option asked about, not a line that lost its image.
  if (command && STARTS_CONTAINERS.has(command.name) && !asksHelp && !parsed.tokens.some((token) => token.kind === 'operand')) {
    commandEffect = t(found.asked ? 'effect.noImageAsked' : 'effect.noImage', { command: `docker ${command.name}` });
    effects.length = 0;
  }
  // `docker build -`: the Dockerfile comes in on standard input, and no context folder is sent.
  if (commandEffect !== undefined && parsed.tokens.some((token) => token.kind === 'operand' && token.operand === 'context' && token.typed === '-')) {
    commandEffect = t('effect.buildStdin');
  }
  // `docker build -o ./out`: the builder writes files, and no image is stored.
  if (command?.name === 'build' && writesFiles(parsed.tokens)) commandEffect = t('effect.buildFiles');
  if (commandEffect !== undefined) commandEffect = withOperands(commandEffect, parsed.tokens);
  if (refusals.length > 0) {
    commandEffect = t('effect.refused');
    effects.length = 0;
  }
  const runs = command !== undefined && !asksHelp && refusals.length === 0 && operands.length > 0 && CREATES_CONTAINER.has(command.name);
  const before = runs ? [t(`effect.pull.${pullPolicy(parsed.tokens)}`)] : [];
  const after = runs && isOn(parsed.tokens, 'detach') ? [t(valueOf(parsed.tokens, 'log-driver') === 'none' ? 'effect.detachedNoLogs' : 'effect.detachedLogs')] : [];
  const context = {
    startsContainer: command !== undefined && STARTS_CONTAINERS.has(command.name),
    ...(command ? { command: command.name } : {}),
    ...(found.shell ? { shell: found.shell } : {}),
    ...(found.fed ? { fed: found.fed } : {}),
    ...(command ? { isOwnOption: (word: string) => readsAsOptions(word, ports.catalogue.options(command)) } : {}),
    listings,
  };
  const risks = [...refusals, ...risksOf(parsed.tokens, context)];
  // `docker rm $(docker ps -q)`: every container it names is running, so without -f none is removed.
  if (risks.some((risk) => risk.id === 'everyRunningContainer')) commandEffect = t('effect.runningRefused');
  const warnings = risks.map((risk) => ({ token: risk.token, text: t(`warning.${risk.id}`, { ...risk.vars, option: risk.vars?.option ?? risk.token }) }));
  topics.push(...risks.flatMap((risk) => RISK_TOPICS[risk.id] ?? []));
  return {
    status: 'explained',
    lang,
    line: found.line,
    subcommand: parsed.subcommand || null,
    image: image ? { reference: image.reference, registry: image.registry, repository: image.repository, tag: image.tag, digest: image.digest } : null,
    parts,
    warnings,
    effects: [
      ...(found.fed ? [t('effect.shell.fed', { part: found.fed, program: found.fed.slice(0, -1).trim() })] : []),
      ...before,
      ...(commandEffect === undefined ? [] : [commandEffect]),
      ...effects,
      ...after,
      ...(found.shell ? [shellEffect(found.shell, t)] : []),
      ...(inputLost(found, command?.name, parsed.tokens) ? [t('effect.shell.noInput')] : []),
    ],
    topics: [...new Set(topics)].filter(ports.hasTopic),
  };
}

/** `unknownCommand` names a subcommand the catalogue lacks: its options are not judged at all. */
function optionParts(token: OptionToken, lang: Lang, t: Phrase, command: string, unknownCommand?: string, occurrence?: Occurrence): Part[] {
  const { option, value } = token;
  // A flag written out as `--sig-proxy=false` or `--detach=true`: the value only switches the flag.
  const switched = option !== undefined && !option.value && (value === 'true' || value === 'false') ? value : undefined;
  const head: Part = option
    ? {
        token: token.typed,
        role: 'option',
        known: true,
        text: switched === 'false' ? t('option.switchedOff', { text: optionText(option, undefined, lang, t) }) : optionText(option, switched ? undefined : value, lang, t, occurrence),
      }
    : {
        token: token.typed,
        role: 'option',
        known: false,
        text: unknownCommand
          ? t('option.underUnknown', { command: unknownCommand })
          : token.typesetDash
            ? t('option.typesetDash', { typed: token.typed, option: token.suggestion! })
            : [t('option.unknown', { option: token.typed, command: `docker ${command}`.trim() }), token.suggestion && t('option.didYouMean', { option: token.suggestion })]
              .filter(Boolean)
              .join(' '),
      };
  if (value === undefined) return [head];
  if (switched) return [head, { token: value, role: 'value', known: true, text: t(switched === 'true' ? 'value.switchOn' : 'value.switchOff', { option: token.typed }) }];
  return [head, { token: value, role: 'value', known: option !== undefined, text: option ? valueText(option, value, t) : t('value.unknown') }];
}

/** The commands that start containers from an image they must name. */
const STARTS_CONTAINERS = new Set(['run', 'create', 'service create']);
/** The topic that explains what a warning is about, where one does. */
const RISK_TOPICS: Partial<Record<RiskId, string>> = {
  uppercaseRepository: 'err-invalid-reference',
  exitsAtOnce: 'container-exits-immediately',
  ...Object.fromEntries((['restartWithRm', 'restartPolicySlip', 'restartPolicyMalformed', 'restartPolicyUnknown', 'restartCountNotOnFailure'] as const).map((id) => [id, 'restart-policies'])),
};

/** `docker-compose` with a hyphen runs Compose v1 (or v2's stand-alone install): the plugin, `docker compose`, is the current form. */
const withComposeV1 = (summary: string, typed: string, t: Phrase): string => (typed === 'docker-compose' ? `${summary} ${t('subcommand.composeV1')}` : summary);

/**
 * What the rest of the line makes of an option, where that differs from what it does alone: -p under
 * --network host publishes nothing, and -t names nothing when --output writes files instead of an image.
 */
function lineText(token: OptionToken, tokens: readonly Token[], command: string | undefined, t: Phrase): string | undefined {
  const name = token.option?.name;
  if ((name === 'publish' || name === 'publish-all') && CREATES_CONTAINER.has(command ?? '') && onHostNetwork(tokens)) return t('reader.publishDiscarded');
  if (name === 'tag' && command === 'build' && writesFiles(tokens)) return t('reader.tagUnused');
  return undefined;
}

/** A build whose --output writes files (a folder or a tar archive) rather than an image. */
const writesFiles = (tokens: readonly Token[]): boolean => {
  const output = valueOf(tokens, 'output');
  return output !== undefined && filesExport(output) !== undefined;
};

/** A catalogue effect naming an operand, such as the stack's name in `{{name}}_web`: filled with it as typed, or its kind in capitals. */
function withOperands(text: string, tokens: readonly Token[]): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, kind: string) => tokens.find((token) => token.kind === 'operand' && token.operand === kind)?.typed ?? kind.toUpperCase());
}

/** Input fed in by the shell (`cat dump.sql | docker exec …`, `docker run … < data`) reaches run's and exec's program only with -i. */
function inputLost(found: { readonly fed?: string; readonly shell?: string }, command: string | undefined, tokens: readonly Token[]): boolean {
  const fedIn = found.fed !== undefined || (found.shell !== undefined && shellHandles(found.shell).input);
  const interactive = tokens.some((token) => token.kind === 'option' && token.option?.name === 'interactive' && token.value !== 'false');
  return fedIn && (command === 'run' || command === 'exec') && !interactive;
}

/** A command substitution standing for the arguments: `$(docker ps -aq)`. */
const SUBSTITUTION = /^\$\((.+)\)$/;

/** Whether an option typed before the subcommand is one the subcommand itself has (`-i`, `--rm`). */
function misplaced(typed: string, command: CatalogueCommand, catalogue: Catalogue): boolean {
  const name = typed.replace(/^-+/, '');
  return catalogue.options(command).some((option) => (typed.startsWith('--') ? option.name === name : option.short === name));
}

/**
 * What an operand's explanation is called. The program after an image or container depends on the
 * command: exec runs it beside the main process, run and create put it in place of the image's CMD, and
 * a word starting with a dash is no program at all but the first argument of the image's ENTRYPOINT.
 * A Compose service is exactly one (compose run, exec, port) unless it is the last operand and may repeat (compose up, logs).
 */
function operandKey(operand: Exclude<OperandToken['operand'], 'image' | 'scoutImage'>, typed: string, command: CatalogueCommand | undefined) {
  // `docker build -`: the Dockerfile (or a tar of the context) comes in on standard input.
  if (operand === 'context' && typed === '-') return 'operand.contextStdin' as const;
  if (operand === 'service' && !takesAnyServices(command)) return 'operand.oneService' as const;
  if (operand !== 'command') return `operand.${operand}` as const;
  if (command?.name.endsWith('exec')) return 'operand.execCommand' as const;
  return typed.startsWith('-') ? ('operand.entrypointArgument' as const) : ('operand.command' as const);
}

/** `compose up [SERVICE...]` takes any number of services, none meaning all; `compose run SERVICE COMMAND` takes exactly one. */
const takesAnyServices = (command: CatalogueCommand | undefined): boolean => command?.repeats === true && command.operands.at(-1) === 'service';
