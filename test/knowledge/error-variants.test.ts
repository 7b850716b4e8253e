import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import { realKnowledge } from '../support/knowledge.js';

const dir = fileURLToPath(new URL('../fixtures/errors/', import.meta.url));
const variantsFile = z.object({ variants: z.array(z.object({ topic: z.string(), text: z.string().min(1) })) });
const variants = readdirSync(dir)
  .filter((name) => name.endsWith('.yaml'))
  .flatMap((name) => variantsFile.parse(parse(readFileSync(join(dir, name), 'utf8'))).variants);

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await realKnowledge();
});

describe('a pasted error message', () => {
  it('has written variants for every error topic, with other names, ports, ids and sentences around it', () => {
    const errorTopics = knowledge.topics.filter((topic) => topic.errors.length > 0).map((topic) => topic.id);
    expect(errorTopics.length).toBeGreaterThanOrEqual(25);
    for (const id of errorTopics) expect(variants.filter((variant) => variant.topic === id).length, id).toBeGreaterThanOrEqual(3);
  });

  it.each(variants.map((variant) => [variant.text.replace(/\s+/gu, ' ').slice(0, 90), variant] as const))('"%s" is answered with its topic', (_name, variant) => {
    const outcome = knowledge.ask(variant.text);
    expect(outcome.status === 'answer' ? outcome.topic.id : outcome.status).toBe(variant.topic);
    expect(knowledge.pastedError(variant.text)?.id).toBe(variant.topic);
  });
});
