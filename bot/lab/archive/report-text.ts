import type { Translate } from '../../i18n.js';
import { humanSize, truncateId } from '../humanize.js';
import type { LoadPlan, LoadReport } from './load.js';
import type { SaveReport } from './save.js';

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

/** "0.04s" for a quick save, "12.3s" for a long one: never a duration of 0.0s beside a speed. */
const seconds = (t: Translate, ms: number): string => t('lab:cli.seconds', { value: (ms / 1000).toFixed(ms < 10_000 ? 2 : 1) });
const speed = (bytesPerSecond: number): string => `${humanSize(bytesPerSecond)}/s`;

/** A save's one-line result and the details below it (images, sha256, how to check the copy). */
export function saveSummary(t: Translate, report: SaveReport): { done: string; details: string[] } {
  return {
    done: t('lab:save.done', { file: report.file, size: humanSize(report.bytes), duration: seconds(t, report.durationMs), speed: speed(report.throughput) }),
    details: [
      t('lab:save.images', { images: report.images.join(', ') }),
      t('lab:save.sha256', { sha256: report.sha256 }),
      t('lab:save.verify', { sidecar: report.sidecar }),
    ],
  };
}

/** A load's one-line result; `cell` lets a front make image names safe for where they are shown. */
export function loadSummary(t: Translate, report: LoadReport, cell: (name: string) => string = (name) => name): string {
  return t('lab:load.done', {
    host: report.host,
    duration: seconds(t, report.durationMs),
    speed: speed(report.throughput),
    images: report.loaded.map(cell).join(', '),
  });
}
