import type { Translate } from '../../i18n.js';
import { humanSize, truncateId } from '../humanize.js';
import type { LoadPlan } from './load.js';

/** What a load would do: the images inside, the tags it moves, and whether the copy was checked. */
export function planText(t: Translate, plan: LoadPlan): string {
  const lines = [t('lab:load.contents', { file: plan.file, size: humanSize(plan.bytes), count: plan.images.length })];
  for (const image of plan.images) {
    lines.push(`  ${image.tags.length > 0 ? image.tags.join(', ') : t('lab:load.untagged')}   ${truncateId(image.id)}`);
  }
  if (plan.replaced.length > 0) {
    lines.push(t('lab:load.replaces', { host: plan.host }));
    for (const moved of plan.replaced) lines.push(`  ${moved.tag}   ${truncateId(moved.currentId)} → ${truncateId(moved.incomingId)}`);
  } else {
    lines.push(t('lab:load.noReplace', { host: plan.host }));
  }
  const sidecar = `${plan.file}.sha256`;
  lines.push(t(`lab:load.${plan.checksum === 'absent' ? 'unverified' : plan.checksum}`, { sidecar }));
  return lines.join('\n');
}
