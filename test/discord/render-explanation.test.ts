import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../bot/core/paths.js';
import { renderExplanation, type ExplanationReply } from '../../bot/discord/render-explanation.js';
import type { Notice } from '../../bot/discord/render.js';
import type { Explainer } from '../../bot/explain/explainer.js';
import { createI18n, translator } from '../../bot/i18n.js';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import { messageProblems } from '../support/fake-discord/validate.js';
import { realExplainer } from '../support/catalogue.js';
import { realKnowledge } from '../support/knowledge.js';

const i18n = createI18n();
const problems = (reply: ExplanationReply | Notice) =>
  messageProblems({ ...reply, allowed_mentions: { parse: reply.allowedMentions.parse } });
/** An explanation of a real command, which always renders as an embed. */
const explained = (reply: ExplanationReply | Notice): ExplanationReply => {
  if (!('embeds' in reply)) throw new Error(`not explained: ${reply.content}`);
  return reply;
};
const { commands } = parse(readFileSync(join(packageRoot(import.meta.url), 'test/fixtures/explain/real-commands.yaml'), 'utf8')) as { commands: { command: string }[] };

let explainer: Explainer;
let knowledge: Knowledge;
beforeAll(async () => {
  [explainer, knowledge] = await Promise.all([realExplainer(), realKnowledge()]);
});

describe('an explanation on Discord', () => {
  it('stays within Discord\'s limits for every real command, in both languages', () => {
    for (const { command } of commands) {
      for (const lang of ['en', 'ko'] as const) {
        const reply = renderExplanation(explainer.explain(command, lang), { t: translator(i18n, lang), knowledge });
        expect(problems(reply), `${lang}: ${command}`).toEqual([]);
      }
    }
  });

  it('fits a command far longer than any README shows, telling the reader there is more', () => {
    const long = `docker run ${Array.from({ length: 150 }, (_, index) => `-e VARIABLE_${index}=${'x'.repeat(30)}`).join(' ')} --privileged alpine`;
    const reply = explained(renderExplanation(explainer.explain(long, 'en'), { t: translator(i18n, 'en'), knowledge }));
    expect(problems(reply)).toEqual([]);
    expect(reply.embeds[0]!.description).toContain('(The full answer is longer than Discord lets me show here.)');
    expect(reply.embeds[0]!.fields!.map((field) => field.name)).toContain('⚠️ Warnings');
  });

  it('keeps a backtick someone typed from breaking the code formatting, and pings nobody', () => {
    const reply = explained(renderExplanation(explainer.explain('docker run -e "GREETING=`hi` @everyone" alpine', 'en'), { t: translator(i18n, 'en'), knowledge }));
    expect(reply.embeds[0]!.description).toContain('**`-e GREETING=ˋhiˋ @everyone`**');
    expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});
