/** What an image named on the line is, for the command that names it: looked for here only, here first, or pulled. */
import type { Phrase } from './phrases.js';
import { namesRegistry, type ImageSplit } from './image.js';
import { CREATES_CONTAINER, isOn, valueOf } from './line.js';
import type { Token } from './parse.js';

/** The commands that use only the images on this Docker host and never contact a registry. */
const LOCAL_IMAGE_COMMANDS = new Set(['save', 'tag', 'rmi', 'image inspect', 'history']);

/** When run and create pull the image: missing (the default), always or never. */
export function pullPolicy(tokens: readonly Token[]): 'missing' | 'always' | 'never' {
  const pull = valueOf(tokens, 'pull');
  return pull === 'always' || pull === 'never' ? pull : 'missing';
}

/** What the command does with its image, which changes what its name means. */
interface ImageUse {
  /** run and create take a local image of the name when there is one and pull only when there is none (--pull missing). */
  readonly localFirst: boolean;
  /** save, tag, rmi, image inspect and history use the local image and contact no registry. */
  readonly localOnly: boolean;
  /** tag's second image and commit's: the name the image gets here, which only a push would take anywhere. */
  readonly newName?: boolean;
  /** push -a and pull -a: no tag means every tag, not latest. */
  readonly allTags?: 'push' | 'pull';
}

/** `refused`: docker refuses the line, so it looks for no image at all. `index`: tag's second image is the new name, not one it looks for. */
export function imageUse(command: string | undefined, tokens: readonly Token[], refused: boolean, index: number): ImageUse {
  const allTags = (command === 'push' || command === 'pull') && isOn(tokens, 'all-tags') ? command : undefined;
  return {
    localFirst: !refused && CREATES_CONTAINER.has(command ?? '') && pullPolicy(tokens) === 'missing',
    localOnly: LOCAL_IMAGE_COMMANDS.has(command ?? '') && !(command === 'tag' && index > 0),
    newName: (command === 'tag' && index > 0) || command === 'commit',
    ...(allTags ? { allTags } : {}),
  };
}

/**
 * A name without a registry only points to Docker Hub: nothing says the image is there. Commands that
 * use only local images say so instead, and run and create add that they look for a local image first.
 */
export function imageText(split: ImageSplit, t: Phrase, use: ImageUse): string {
  if (split.problem) return t(`image.${split.problem}`, { reference: split.reference });
  const named = namesRegistry(split.reference);
  const full = `${split.registry ?? ''}/${split.repository ?? ''}`;
  const where = use.newName
    ? t('image.newName', { name: full, registry: named ? (split.registry ?? '') : 'Docker Hub' })
    : use.localOnly
    ? t('image.localOnly', { name: full })
    : named
      ? t('image.registry', { registry: split.registry ?? '' })
      : t('image.noRegistry', { repository: split.repository ?? '' });
  const pulled = use.localFirst ? [t('image.localFirst', { registry: named ? (split.registry ?? '') : 'Docker Hub' })] : [];
  return [`${t('image.repository', { repository: split.repository ?? '' })} ${where} ${versionText(split, t, use)}`, ...pulled].join(' ');
}

/** The tag or digest, or what no tag means: latest, or every tag for push -a and pull -a. */
function versionText(split: ImageSplit, t: Phrase, use: ImageUse): string {
  if (split.digest) return split.tag ? t('image.tagAndDigest', { tag: split.tag, digest: split.digest }) : t('image.digest', { digest: split.digest });
  if (split.tag) return t('image.tag', { tag: split.tag });
  if (use.allTags) return t(use.allTags === 'push' ? 'image.allTagsPush' : 'image.allTagsPull');
  return t('image.latest');
}
