import stringWidth from 'string-width';
import type { Explanation } from '../explain/explain.js';
import { rowsOf } from '../explain/rows.js';
import type { Translate } from '../i18n.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Paint } from './style.js';
import { wrap } from './wrap.js';

/** Past this width a typed part gets a line of its own, so the explanations stay in one column. */
const TYPED_MAX = 24;

/** An explanation as the terminal prints it: the parts in a column, then the image, effects, warnings and topics. */
export function renderExplanation(explanation: Explanation, t: Translate, paint: Paint, knowledge: Knowledge, width?: number): string {
  if (explanation.status === 'not-a-command') return paint('yellow', t('explain:render.notACommand'));
  const rows = rowsOf(explanation.parts).map((row) => ({ ...row, shown: row.known ? row.typed : `${row.typed} (${t('explain:render.unknown')})` }));
  const column = Math.min(TYPED_MAX, Math.max(...rows.map((row) => stringWidth(row.shown))));
  const indent = ' '.repeat(column + 4);
  const lines = [paint('bold', paint('cyan', explanation.line)), '', paint('bold', t('explain:render.parts'))];
  for (const row of rows) {
    const typed = paint(row.known ? 'cyan' : 'yellow', row.shown);
    const text = row.known ? row.text : paint('yellow', row.text);
    const body = wrap(`${indent}${text}`, width).slice(indent.length);
    const room = column - stringWidth(row.shown);
    lines.push(room >= 0 ? `  ${typed}${' '.repeat(room + 2)}${body}` : `  ${typed}\n${indent}${body}`);
  }
  if (explanation.image?.registry) {
    const { image } = explanation;
    const none = paint('dim', t('explain:render.none'));
    lines.push('', paint('bold', `${t('explain:render.image')}: ${image.reference}`));
    const labels = (['registry', 'repository', 'tag', 'digest'] as const).map((key) => ({ key, label: t(`explain:render.${key}`) }));
    const labelWidth = Math.max(...labels.map(({ label }) => stringWidth(label))) + 2;
    // No tag and no digest: Docker takes latest, which the table says rather than a bare "none".
    const latest = paint('dim', t('explain:render.latest'));
    const shown = (key: (typeof labels)[number]['key']) => image[key] ?? (key === 'tag' && image.digest === null ? latest : none);
    for (const { key, label } of labels) lines.push(`  ${label}${' '.repeat(labelWidth - stringWidth(label))}${shown(key)}`);
  }
  if (explanation.effects.length > 0) {
    lines.push('', paint('bold', t('explain:render.effects')));
    for (const effect of explanation.effects) lines.push(wrap(`  • ${effect}`, width));
  }
  if (explanation.warnings.length > 0) {
    lines.push('', paint('bold', paint('red', t('explain:render.warnings'))));
    for (const warning of explanation.warnings) lines.push(wrap(`  ⚠ ${paint('yellow', warning.token)}: ${warning.text}`, width));
  }
  const topics = explanation.topics.map((id) => knowledge.topic(id)).filter((topic) => topic !== undefined);
  if (topics.length > 0) {
    lines.push('', wrap(`${t('explain:render.topics')}: ${topics.map((topic) => `${topic[explanation.lang].title} (${topic.id})`).join(' · ')}`, width));
  }
  return lines.join('\n');
}

/** The `--json` shape the issue fixes: one object per command. */
export function explanationJson(explanation: Explanation) {
  return {
    status: explanation.status,
    lang: explanation.lang,
    subcommand: explanation.subcommand,
    image: explanation.image,
    // `together` only tells the screen how to show a run of arguments as one row.
    parts: explanation.parts.map(({ token, role, known, text }) => ({ token, role, known, text })),
    warnings: explanation.warnings,
    topics: explanation.topics,
  };
}
