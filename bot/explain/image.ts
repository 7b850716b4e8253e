import { parseNormalizedNamed } from '../lab/reference.js';
import { holdsShellVariable } from './values.js';

/** An image reference split as docker/distribution's reference grammar reads it. */
export interface ImageSplit {
  readonly reference: string;
  readonly registry: string | null;
  readonly repository: string | null;
  /** The tag as typed; null when none was given (Docker then uses `latest`, unless a digest pins it). */
  readonly tag: string | null;
  readonly digest: string | null;
  /** Why the reference cannot be split: a shell variable, a placeholder to fill in (`<tag>`), capitals in the repository, or not a valid reference. */
  readonly problem?: 'variable' | 'placeholder' | 'uppercase' | 'invalid';
}

/** `nginx` → docker.io / library/nginx, no tag; `ghcr.io/o/app:1@sha256:…` → every part. */
export function splitImage(reference: string): ImageSplit {
  const empty = { reference, registry: null, repository: null, tag: null, digest: null };
  if (holdsShellVariable(reference)) return { ...empty, problem: 'variable' };
  if (/<[^<>]+>/.test(reference)) return { ...empty, problem: 'placeholder' };
  const parsed = parseNormalizedNamed(reference);
  if (!parsed.ok) return { ...empty, problem: parsed.problem === 'uppercase' ? 'uppercase' : 'invalid' };
  const { domain, path, tag, digest } = parsed.named;
  return { reference, registry: domain, repository: path, tag: tag ?? null, digest: digest ?? null };
}

/**
 * Whether the reference names its registry, as docker/distribution tells one: a first part before a
 * slash holding a dot or a colon, or `localhost` (`ghcr.io/o/app`, `localhost:5000/api`; not `bitnami/redis`).
 */
export function namesRegistry(reference: string): boolean {
  const slash = reference.indexOf('/');
  if (slash < 0) return false;
  const first = reference.slice(0, slash);
  return /[.:]/.test(first) || first === 'localhost';
}

/** The prefixes Docker Scout reads before an IMAGE to say where it comes from (the reference of docker scout cves and quickview). */
export const SCOUT_SOURCES = ['image', 'local', 'registry', 'oci-dir', 'archive', 'fs', 'sbom'] as const;
export type ScoutSource = (typeof SCOUT_SOURCES)[number];

/** `local://myapp:1.0` → local; a plain image name (no `SCHEME://`) → undefined. */
export function scoutSource(reference: string): ScoutSource | undefined {
  return SCOUT_SOURCES.find((source) => reference.startsWith(`${source}://`));
}

/** `MyApp:Latest` → `myapp:Latest`: the repository lowercased, the tag (which may hold capitals) and the digest kept. */
export function lowercaseRepository(reference: string): string {
  const end = reference.search(/(?::[^/:@]*)?(?:@.*)?$/);
  return reference.slice(0, end).toLowerCase() + reference.slice(end);
}
