import { z } from 'zod';
import { fail, ok, type Result } from '../core/result.js';
import { echoed } from '../core/visible-text.js';
import { fileName } from './exchange.js';
import { ALL_HOSTS, hostName } from './hosts.js';
import { checkImageReference } from './reference.js';

/** The whole whitelist. Nothing outside these four can be expressed, so nothing else can run. */
export const LAB_ACTIONS = ['ps', 'images', 'save', 'load'] as const;
export type LabActionName = (typeof LAB_ACTIONS)[number];

/** The states `docker ps --filter status=…` knows. */
export const CONTAINER_STATES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'] as const;
export type ContainerState = (typeof CONTAINER_STATES)[number];

/*
 * Conventions shared with exchange.ts: a refusal's zod issue carries the failure id as its message
 * and the failure's vars as its params, so the edge can turn the first issue into a Failure.
 */

/** An image as `docker save` names it, checked against Docker's reference grammar. */
export const imageRef = z.string().superRefine((reference, context) => {
  const problem = checkImageReference(reference);
  if (problem) {
    context.addIssue({ code: 'custom', message: `lab.parse.reference.${problem}`, params: { reference: shown(reference) } });
  }
});

/** ps and images may ask every host at once (`--host all`); save and load move archives on one. */
const anyHost = z
  .string()
  .superRefine((name, context) => {
    if (!hostName.safeParse(name).success) context.addIssue({ code: 'custom', message: 'lab.parse.host', params: { host: shown(name) } });
  })
  .optional();

const oneHost = anyHost.superRefine((name, context) => {
  if (name === ALL_HOSTS) context.addIssue({ code: 'custom', message: 'lab.parse.hostAll', params: {} });
});

/** A name filter is a regular expression, as docker's is: `^web` and `api-.*` mean what they mean there. */
const nameFilter = z.string().superRefine((name, context) => {
  if (name.length === 0 || name.length > 128 || /[\u0000-\u001f\u007f]/.test(name)) {
    context.addIssue({ code: 'custom', message: 'lab.parse.name', params: { name: shown(name) } });
  } else if (!isPattern(name)) {
    context.addIssue({ code: 'custom', message: 'lab.parse.namePattern', params: { name: shown(name) } });
  }
});

const state = z
  .string()
  .superRefine((value, context) => {
    if (!(CONTAINER_STATES as readonly string[]).includes(value)) {
      context.addIssue({ code: 'custom', message: 'lab.parse.state', params: { state: shown(value), states: CONTAINER_STATES.join(', ') } });
    }
  })
  .transform((value) => value as ContainerState);

/** A filter given once (a slash command's option) or several times (`--filter status=running --filter status=paused`): docker keeps any that matches. */
const filters = <T extends z.ZodType>(value: T) =>
  z.preprocess((given) => (typeof given === 'string' ? [given] : given), z.array(value).max(16, 'lab.parse.tooManyFilters')).optional();

/** Repeats a pattern may hold: `.*.*x` on a name of 255 characters takes milliseconds, `.*.*.*x` a second. */
const REPEATS_MAX = 2;

/**
 * A regular expression JavaScript compiles that can't make matching slow: its engine backtracks,
 * where docker's (Go's) does not. So no repeat may follow a group, no group may hold alternatives
 * (`(.|.)` chained backtracks without any repeat), no back-reference may appear, and only two repeats.
 */
function isPattern(text: string): boolean {
  const repeats = text.match(/[*+?]|\{\d+(?:,\d*)?\}/gu)?.length ?? 0;
  if (repeats > REPEATS_MAX || /\)[*+?{]/u.test(text) || (text.includes('(') && text.includes('|')) || /\\(?:\d|k<)/u.test(text)) return false;
  try {
    new RegExp(text, 'u');
    return true;
  } catch {
    return false;
  }
}

export const labActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('ps'), all: z.boolean().default(false), name: filters(nameFilter), state: filters(state), host: anyHost }),
  z.object({ action: z.literal('images'), all: z.boolean().default(false), dangling: z.boolean().default(false), host: anyHost }),
  z.object({
    action: z.literal('save'),
    images: z.array(imageRef).min(1, 'lab.parse.missing.images').max(64, 'lab.parse.tooMany'),
    file: fileName.optional(),
    gzip: z.boolean().default(false),
    force: z.boolean().default(false),
    host: oneHost,
  }),
  z.object({ action: z.literal('load'), file: fileName, yes: z.boolean().default(false), host: oneHost }),
]);

export type LabAction = z.infer<typeof labActionSchema>;
export type PsAction = Extract<LabAction, { action: 'ps' }>;
export type ImagesAction = Extract<LabAction, { action: 'images' }>;
export type SaveAction = Extract<LabAction, { action: 'save' }>;
export type LoadAction = Extract<LabAction, { action: 'load' }>;

/** Why input cannot become a LabAction: an i18next key under `lab.`, with the vars its message needs. */
export type LabInputError = `lab.${string}`;

/**
 * The one check every front's input passes: a draft built from slash options, or from the words of
 * a chat line or `gorae lab` argv, becomes a LabAction — or the first reason it cannot, translated
 * at the edge. Nothing reaches the core without passing here.
 */
export function checkLabAction(draft: Readonly<Record<string, unknown>>): Result<LabAction, LabInputError> {
  const parsed = labActionSchema.safeParse(draft);
  if (parsed.success) return ok(parsed.data);
  const action = shown(String(draft.action ?? ''));
  if (!(LAB_ACTIONS as readonly unknown[]).includes(draft.action)) return fail('lab.parse.action', { action });
  const issue = parsed.error.issues[0]!;
  const params = 'params' in issue && issue.params ? (issue.params as Record<string, string | number>) : undefined;
  return issue.message.startsWith('lab.') ? fail(issue.message as LabInputError, params) : fail('lab.parse.invalid', { action });
}

/** What a refusal may echo back: unprintable characters marked, long input shortened. */
export const shown = (text: string): string => echoed(text, 80);

/** An action's options as the audit log keeps them (the action's name has its own field). */
export function argumentsOf(action: LabAction): Record<string, unknown> {
  const { action: _name, ...rest } = action;
  return rest;
}
