/*
 * Docker's image reference grammar (github.com/distribution/reference, regexp.go and normalize.go),
 * so a reference is judged before any engine is asked and images show their familiar names.
 */

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPattern = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePattern = `(?:${domainAndPort}/)?${remoteName}`;

const REFERENCE = new RegExp(`^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const ANCHORED_NAME = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
const DIGEST = new RegExp(`^${digestPattern}$`);
const NAME_TOTAL_LENGTH_MAX = 255;
/** go-digest: the algorithms Docker knows, each with its exact length of lowercase hex. */
const DIGEST_HEX_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** What the grammar's pattern lets through and go-digest's Validate still refuses: `md5:…`, `a:` + any hex. */
export function isValidDigest(text: string): boolean {
  const colon = text.indexOf(':');
  const length = DIGEST_HEX_LENGTHS[text.slice(0, colon)];
  const hex = text.slice(colon + 1);
  return colon > 0 && length !== undefined && hex.length === length && /^[a-f0-9]+$/.test(hex);
}

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';

export interface Named {
  readonly domain: string;
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** Why a reference was refused; each is a failure id under `lab.parse.reference.*`. */
export type ReferenceProblem = 'empty' | 'format' | 'uppercase' | 'tooLong' | 'identifier' | 'digest';

export type ParsedReference = { readonly ok: true; readonly named: Named } | { readonly ok: false; readonly problem: ReferenceProblem };

/** distribution/reference ParseNormalizedNamed: "bb:1" → docker.io/library/bb, tag 1. */
export function parseNormalizedNamed(text: string): ParsedReference {
  if (IDENTIFIER.test(text)) return { ok: false, problem: 'identifier' };
  if (text === '') return { ok: false, problem: 'empty' };
  const [domain, remainder] = splitDockerDomain(text);
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) return { ok: false, problem: 'uppercase' };
  return parse(`${domain}/${remainder}`);
}

function parse(text: string): ParsedReference {
  const match = REFERENCE.exec(text);
  if (!match) return { ok: false, problem: REFERENCE.test(text.toLowerCase()) ? 'uppercase' : 'format' };
  const [, name = '', tag, digest] = match;
  if (name.length > NAME_TOTAL_LENGTH_MAX) return { ok: false, problem: 'tooLong' };
  if (digest !== undefined && !isValidDigest(digest)) return { ok: false, problem: 'digest' };
  const parts = ANCHORED_NAME.exec(name);
  return {
    ok: true,
    named: { domain: parts?.[1] ?? '', path: parts?.[2] ?? name, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) },
  };
}

function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remote] = [DEFAULT_DOMAIN, maybeRemote];
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, maybeRemote];
  else [domain, remote] = [DEFAULT_DOMAIN, name];
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_PREFIX + remote;
  return [domain, remote];
}

/** The name as the docker CLI shows it: "docker.io/library/" dropped. */
export function familiarName(named: Named): string {
  if (named.domain !== DEFAULT_DOMAIN) return `${named.domain}/${named.path}`;
  const rest = named.path.startsWith(OFFICIAL_PREFIX) ? named.path.slice(OFFICIAL_PREFIX.length) : named.path;
  return rest.includes('/') ? named.path : rest;
}

/**
 * What `docker save` accepts: a familiar or full reference, a full image id, or `sha256:…`
 * (distribution/reference ParseAnyReference). Returns the problem for a refused reference.
 */
export function checkImageReference(text: string): ReferenceProblem | undefined {
  // As ParseAnyReference: what is no valid digest is read as a name (`a:` + 40,000 hex is a too-long tag).
  if (IDENTIFIER.test(text) || (DIGEST.test(text) && isValidDigest(text))) return undefined;
  const parsed = parseNormalizedNamed(text);
  return parsed.ok ? undefined : parsed.problem;
}
