/**
 * Discord's documented limits, checked the way Discord checks them: each problem has a path into the
 * request body, and the fake answers 400 / 50035 "Invalid Form Body" with Discord's nested error shape.
 */

export interface Problem {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function maxLength(problems: Problem[], path: (string | number)[], value: unknown, max: number, min = 0): void {
  if (value === undefined || value === null) {
    if (min > 0) problems.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return;
  }
  const length = text(value).length;
  if (typeof value !== 'string') problems.push({ path, code: 'BASE_TYPE_STRING', message: 'Must be a string.' });
  else if (length > max) problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  else if (length < min) problems.push({ path, code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${min} or more in length.` });
}

/** A message body: content, embeds, components and allowed mentions (create, edit, callback data). */
export function messageProblems(body: Json, base: (string | number)[] = []): Problem[] {
  const problems: Problem[] = [];
  maxLength(problems, [...base, 'content'], body.content, 2_000);
  const embeds = list(body.embeds);
  if (embeds.length > 10) problems.push({ path: [...base, 'embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
  let total = 0;
  embeds.forEach((embed, index) => {
    if (!isObject(embed)) return;
    const at = [...base, 'embeds', index];
    maxLength(problems, [...at, 'title'], embed.title, 256);
    maxLength(problems, [...at, 'description'], embed.description, 4_096);
    const fields = list(embed.fields);
    if (fields.length > 25) problems.push({ path: [...at, 'fields'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    fields.forEach((field, fieldIndex) => {
      const entry = isObject(field) ? field : {};
      maxLength(problems, [...at, 'fields', fieldIndex, 'name'], entry.name, 256, 1);
      maxLength(problems, [...at, 'fields', fieldIndex, 'value'], entry.value, 1_024, 1);
      total += text(entry.name).length + text(entry.value).length;
    });
    const footer = isObject(embed.footer) ? embed.footer : {};
    const author = isObject(embed.author) ? embed.author : {};
    maxLength(problems, [...at, 'footer', 'text'], footer.text, 2_048);
    maxLength(problems, [...at, 'author', 'name'], author.name, 256);
    total += text(embed.title).length + text(embed.description).length + text(footer.text).length + text(author.name).length;
  });
  if (total > 6_000) problems.push({ path: [...base, 'embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  if (Number(body.flags ?? 0) & COMPONENTS_V2) problems.push(...v2Problems(body, base));
  else problems.push(...componentProblems(list(body.components), [...base, 'components']));
  for (const [index, kind] of list(isObject(body.allowed_mentions) ? body.allowed_mentions.parse : []).entries()) {
    if (!['roles', 'users', 'everyone'].includes(text(kind))) {
      problems.push({ path: [...base, 'allowed_mentions', 'parse', index], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {roles, users, everyone}.' });
    }
  }
  return problems;
}

/** Discord refuses (50006) a new message with nothing to show. */
export const isEmptyMessage = (body: Json): boolean =>
  !text(body.content) && list(body.embeds).length === 0 && list(body.components).length === 0 && list(body.attachments).length === 0;

function componentProblems(rows: unknown[], at: (string | number)[]): Problem[] {
  const problems: Problem[] = [];
  if (rows.length > 5) problems.push({ path: at, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  const ids = new Set<string>();
  rows.forEach((row, rowIndex) => {
    const entry = isObject(row) ? row : {};
    if (entry.type !== 1) problems.push({ path: [...at, rowIndex, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (1,).' });
    rowProblems(problems, entry, [...at, rowIndex], ids);
  });
  return problems;
}

/** An action row of one to five buttons; custom ids must be unique across the whole message. */
function rowProblems(problems: Problem[], row: Json, at: (string | number)[], ids: Set<string>): void {
  const buttons = list(row.components);
  if (buttons.length < 1 || buttons.length > 5) {
    problems.push({ path: [...at, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' });
  }
  buttons.forEach((button, index) => buttonProblems(problems, isObject(button) ? button : {}, [...at, 'components', index], ids));
}

function buttonProblems(problems: Problem[], item: Json, path: (string | number)[], ids: Set<string>): void {
  if (item.type !== 2) problems.push({ path: [...path, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (2,).' });
  maxLength(problems, [...path, 'label'], item.label, 80);
  if (item.style === 5) {
    maxLength(problems, [...path, 'url'], item.url, 512, 1);
    return;
  }
  maxLength(problems, [...path, 'custom_id'], item.custom_id, 100, 1);
  const id = text(item.custom_id);
  if (ids.has(id)) problems.push({ path: [...path, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
  ids.add(id);
  if (!item.label && !item.emoji) problems.push({ path: [...path, 'label'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
}

/** The IS_COMPONENTS_V2 message flag: layout components instead of content and embeds. */
export const COMPONENTS_V2 = 1 << 15;
const V2_TOP = [1, 9, 10, 12, 13, 14, 17];
const V2_IN_CONTAINER = [1, 9, 10, 12, 13, 14];

/**
 * Components V2: at most 40 components in all (nested ones and accessories count), at most 4,000
 * characters over all text displays, sections of one to three texts with an accessory, containers
 * of the layout components, and no content or embeds beside them.
 */
function v2Problems(body: Json, base: (string | number)[]): Problem[] {
  const problems: Problem[] = [];
  for (const legacy of ['content', 'embeds'] as const) {
    const value = body[legacy];
    if (legacy === 'content' ? text(value) !== '' : list(value).length > 0) {
      problems.push({ path: [...base, legacy], code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', message: `The '${legacy}' field cannot be used when using MessageFlags.IS_COMPONENTS_V2` });
    }
  }
  const at = [...base, 'components'];
  const ids = new Set<string>();
  let count = 0;
  let characters = 0;
  const visit = (component: unknown, path: (string | number)[], allowed: readonly number[]): void => {
    const item = isObject(component) ? component : {};
    count += 1;
    if (!allowed.includes(Number(item.type))) {
      problems.push({ path: [...path, 'type'], code: 'UNION_TYPE_CHOICES', message: `Value of field "type" must be one of (${allowed.join(', ')}).` });
      return;
    }
    const children = list(item.components);
    switch (item.type) {
      case 1:
        rowProblems(problems, item, path, ids);
        count += children.length;
        return;
      case 10:
        maxLength(problems, [...path, 'content'], item.content, 4_000, 1);
        characters += text(item.content).length;
        return;
      case 14:
        if (item.spacing !== undefined && item.spacing !== 1 && item.spacing !== 2) {
          problems.push({ path: [...path, 'spacing'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (1, 2).' });
        }
        return;
      case 9: {
        if (children.length < 1 || children.length > 3) {
          problems.push({ path: [...path, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 3 in length.' });
        }
        children.forEach((child, index) => visit(child, [...path, 'components', index], [10]));
        const accessory = isObject(item.accessory) ? item.accessory : undefined;
        if (!accessory) problems.push({ path: [...path, 'accessory'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
        else if (accessory.type === 2) {
          count += 1;
          buttonProblems(problems, accessory, [...path, 'accessory'], ids);
        } else visit(accessory, [...path, 'accessory'], [11]);
        return;
      }
      case 17: {
        if (children.length < 1) problems.push({ path: [...path, 'components'], code: 'BASE_TYPE_MIN_LENGTH', message: 'Must be 1 or more in length.' });
        const accent = item.accent_color;
        if (accent !== undefined && accent !== null && (!Number.isInteger(accent) || Number(accent) < 0 || Number(accent) > 0xffffff)) {
          problems.push({ path: [...path, 'accent_color'], code: 'NUMBER_TYPE_MAX', message: 'int value should be less than or equal to 16777215.' });
        }
        children.forEach((child, index) => visit(child, [...path, 'components', index], V2_IN_CONTAINER));
        return;
      }
    }
  };
  list(body.components).forEach((component, index) => visit(component, [...at, index], V2_TOP));
  if (count > 40) problems.push({ path: at, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 40 or fewer in length.' });
  if (characters > 4_000) problems.push({ path: at, code: 'MESSAGE_TEXT_DISPLAY_TOO_LONG', message: 'The total length of text display contents must be 4000 or fewer.' });
  return problems;
}

/** A modal: a title up to 45, one to five labelled text inputs (the label component, type 18). */
export function modalProblems(data: Json): Problem[] {
  const problems: Problem[] = [];
  maxLength(problems, ['data', 'title'], data.title, 45, 1);
  maxLength(problems, ['data', 'custom_id'], data.custom_id, 100, 1);
  const components = list(data.components);
  if (components.length < 1 || components.length > 5) {
    problems.push({ path: ['data', 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' });
  }
  components.forEach((component, index) => {
    const label = isObject(component) ? component : {};
    const at = ['data', 'components', index];
    if (label.type !== 18) {
      problems.push({ path: [...at, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (18,).' });
      return;
    }
    maxLength(problems, [...at, 'label'], label.label, 45, 1);
    maxLength(problems, [...at, 'description'], label.description, 100);
    const input = isObject(label.component) ? label.component : {};
    if (input.type !== 4) problems.push({ path: [...at, 'component', 'type'], code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (4,).' });
    if (input.label !== undefined) problems.push({ path: [...at, 'component', 'label'], code: 'TEXT_INPUT_LABEL_IN_LABEL', message: 'A text input inside a label cannot have its own label' });
    maxLength(problems, [...at, 'component', 'custom_id'], input.custom_id, 100, 1);
    maxLength(problems, [...at, 'component', 'placeholder'], input.placeholder, 100);
    if (input.style !== 1 && input.style !== 2) problems.push({ path: [...at, 'component', 'style'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (1, 2).' });
    if (typeof input.max_length === 'number' && (input.max_length < 1 || input.max_length > 4_000)) {
      problems.push({ path: [...at, 'component', 'max_length'], code: 'NUMBER_TYPE_MAX', message: 'int value should be less than or equal to 4000.' });
    }
  });
  return problems;
}

/** An autocomplete result: at most 25 choices, names 1 to 100 characters, string values up to 100. */
export function choiceProblems(data: Json): Problem[] {
  const problems: Problem[] = [];
  const choices = list(data.choices);
  if (choices.length > 25) problems.push({ path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  choices.forEach((choice, index) => {
    const entry = isObject(choice) ? choice : {};
    maxLength(problems, ['data', 'choices', index, 'name'], entry.name, 100, 1);
    maxLength(problems, ['data', 'choices', index, 'value'], entry.value, 100);
  });
  return problems;
}

/** Discord's rule for command and option names, in any locale. */
export const COMMAND_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = new Set(['id', 'da', 'de', 'en-GB', 'en-US', 'es-ES', 'es-419', 'fr', 'hr', 'it', 'lt', 'hu', 'nl', 'no', 'pl', 'pt-BR', 'ro', 'fi', 'sv-SE', 'vi', 'tr', 'cs', 'el', 'bg', 'ru', 'uk', 'hi', 'th', 'zh-CN', 'ja', 'zh-TW', 'ko']);

/** User (2) and message (3) context-menu commands: any case, spaces allowed, and no description. */
const isContextMenu = (command: Json): boolean => command.type === 2 || command.type === 3;

function nameProblems(problems: Problem[], at: (string | number)[], item: Json, contextMenu = false): void {
  for (const [key, names] of [['name', { '': item.name }], ['name_localizations', item.name_localizations ?? {}]] as const) {
    for (const [locale, name] of Object.entries(names as Json)) {
      const path = locale ? [...at, key, locale] : [...at, key];
      if (locale && !LOCALES.has(locale)) problems.push({ path, code: 'LOCALE_INVALID', message: `"${locale}" is not a valid locale.` });
      const valid = contextMenu
        ? text(name).trim().length >= 1 && text(name).length <= 32
        : COMMAND_NAME.test(text(name)) && text(name) === text(name).toLowerCase();
      if (!valid) problems.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid` });
    }
  }
  if (contextMenu) {
    if (text(item.description) !== '' || item.description_localizations !== undefined) {
      problems.push({ path: [...at, 'description'], code: 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', message: 'Context menu commands cannot have a description' });
    }
    return;
  }
  for (const [locale, description] of Object.entries({ '': item.description, ...(item.description_localizations as Json) })) {
    maxLength(problems, locale ? [...at, 'description_localizations', locale] : [...at, 'description'], description, 100, 1);
  }
}

/** A bulk overwrite of chat-input commands, with their options and their subcommands' options. */
export function commandProblems(body: unknown): Problem[] {
  const problems: Problem[] = [];
  const commands = list(body);
  if (commands.length > 100) problems.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  const names = new Set<string>();
  commands.forEach((command, index) => {
    const item = isObject(command) ? command : {};
    nameProblems(problems, [index], item, isContextMenu(item));
    if (names.has(text(item.name))) problems.push({ path: [index, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
    names.add(text(item.name));
    optionProblems(problems, [index], list(item.options));
  });
  return problems;
}

/** Options at one level: names, order of required ones, autocomplete; subcommands (types 1, 2) hold their own. */
function optionProblems(problems: Problem[], at: (string | number)[], options: unknown[]): void {
  if (options.length > 25) problems.push({ path: [...at, 'options'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((option, optionIndex) => {
    const entry = isObject(option) ? option : {};
    const path = [...at, 'options', optionIndex];
    nameProblems(problems, path, entry);
    if (names.has(text(entry.name))) problems.push({ path: [...path, 'name'], code: 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', message: 'Option names must be unique' });
    names.add(text(entry.name));
    if (entry.type === 1 || entry.type === 2) {
      optionProblems(problems, path, list(entry.options));
      return;
    }
    if (entry.required && optionalSeen) {
      problems.push({ path: [...path, 'required'], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    }
    optionalSeen ||= !entry.required;
    if (entry.autocomplete && list(entry.choices).length) {
      problems.push({ path: [...path, 'autocomplete'], code: 'AUTOCOMPLETE_CHOICES', message: 'Autocomplete cannot be set with choices' });
    }
  });
}

/** Discord's nested error body: `{ embeds: { 0: { description: { _errors: [...] } } } }`. */
export function formBodyError(problems: readonly Problem[]): Json {
  const errors: Json = {};
  for (const problem of problems) {
    let node = errors;
    for (const key of problem.path) {
      const next = (node[String(key)] ??= {}) as Json;
      node = next;
    }
    ((node._errors ??= []) as unknown[]).push({ code: problem.code, message: problem.message });
  }
  return { code: 50035, message: 'Invalid Form Body', errors };
}
