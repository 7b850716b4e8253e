import { describe, expect, it } from 'vitest';
import { createI18n, translator } from '../../bot/i18n.js';
import { renderExamples } from '../../bot/terminal/render-outcome.js';
import type { Paint } from '../../bot/terminal/style.js';
import { realKnowledge } from '../support/knowledge.js';

const plain: Paint = (_format, text) => text;
const marked: Paint = (format, text) => `<${format}>${text}</${format}>`;

describe("a topic's example commands at the terminal", () => {
  it('colour the code in what each command does, as the answer does, and keep its backticks where there is no colour', async () => {
    const topic = (await realKnowledge()).topic('exec-vs-attach')!;
    const t = translator(createI18n(), 'ko');
    const described = topic.commands.find((command) => command.ko.includes('`'))!;
    const code = /`([^`]+)`/.exec(described.ko)![1]!;
    const coloured = renderExamples(topic, 'ko', t, marked);
    expect(coloured).toContain(`<cyan>${code}</cyan>`);
    expect(coloured).not.toContain(`\`${code}\``);
    expect(renderExamples(topic, 'ko', t, plain)).toContain(`\`${code}\``);
  });
});
