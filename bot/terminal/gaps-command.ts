import { z } from 'zod';
import { explain, type Translate } from '../i18n.js';
import type { GapLog } from '../knowledge/gaps.js';
import { gapsReport, reportSections } from '../knowledge/gaps-report.js';
import { parseCommandLine } from './args.js';

export interface GapsCommandDeps {
  readonly gaps: GapLog;
  readonly t: Translate;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export const GAPS_COUNT_DEFAULT = 10;
const countSchema = z.coerce.number().int().min(1).max(100).default(GAPS_COUNT_DEFAULT);

/**
 * `gorae gaps [COUNT]`: the worst-rated topics, the answers rated 👎 and the questions Gorae could
 * not answer, newest first — the same report as `/lab gaps`. Returns an exit code.
 */
export async function runGapsCommand(argv: readonly string[], { gaps, t, stdout, stderr }: GapsCommandDeps): Promise<number> {
  const parsed = parseCommandLine(argv, { lang: { type: 'string' } });
  const count = parsed.ok ? countSchema.safeParse(parsed.value.positionals[0]) : undefined;
  if (!parsed.ok || !count?.success || parsed.value.positionals.length > 1) {
    stderr.write(`${parsed.ok ? t('terminal:gaps.count', { value: parsed.value.positionals.join(' ') }) : explain(t, parsed.error)}\n`);
    return 2;
  }
  const sections = reportSections(t, await gapsReport(gaps, count.data));
  if (sections.length === 0) stdout.write(`${t('knowledge:report.empty')}\n`);
  for (const section of sections) stdout.write(`${section.title}\n${section.lines.map((line) => `  ${line}`).join('\n')}\n\n`);
  return 0;
}
