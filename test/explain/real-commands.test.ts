import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { packageRoot } from '../../bot/core/paths.js';
import type { Explainer } from '../../bot/explain/explainer.js';
import { realExplainer } from '../support/catalogue.js';

const fixture = z.object({
  commands: z
    .array(
      z
        .object({
          command: z.string().min(1),
          source: z.string().regex(/^https:\/\//),
          subcommand: z.string(),
          image: z.object({ registry: z.string(), repository: z.string(), tag: z.string().nullable(), digest: z.string().nullable() }).nullable(),
          warnings: z.array(z.string()),
        })
        .strict(),
    )
    .min(100),
});
const { commands } = fixture.parse(parse(readFileSync(join(packageRoot(import.meta.url), 'test/fixtures/explain/real-commands.yaml'), 'utf8')));

/** Options nobody has: every one must come back unknown, none with a meaning. */
const INVENTED = ['--turbo', '--cpu-boost', '--auto-heal', '--expose-all', '--secure-mode', '--gpu-memory', '--hostpath', '--no-network', '--persist', '--image-cache'];

let explainer: Explainer;
beforeAll(async () => {
  explainer = await realExplainer();
});

describe(`${commands.length} real command lines from READMEs and Docker's docs`, () => {
  it.each(commands.map((entry) => [entry.command.replace(/\s*\\\n\s*/g, ' '), entry] as const))('%s', (_line, entry) => {
    for (const lang of ['en', 'ko'] as const) {
      const explained = explainer.explain(entry.command, lang);
      expect(explained.status).toBe('explained');
      expect(explained.subcommand).toBe(entry.subcommand);
      expect(explained.parts.filter((part) => !part.known)).toEqual([]);
      expect(explained.warnings.map((warning) => warning.token)).toEqual(entry.warnings);
      const image = explained.image && { registry: explained.image.registry, repository: explained.image.repository, tag: explained.image.tag, digest: explained.image.digest };
      expect(image).toEqual(entry.image);
    }
  });

  it('cover run, the commands the issue lists and every risky option it names', () => {
    const subcommands = new Set(commands.map((entry) => entry.subcommand));
    for (const name of ['run', 'create', 'build', 'exec', 'ps', 'images', 'logs', 'rm', 'rmi', 'kill', 'start', 'save', 'load', 'export', 'import', 'commit', 'pull', 'tag', 'network create', 'volume create', 'system prune']) {
      expect(subcommands, name).toContain(name);
    }
    expect(new Set(commands.flatMap((entry) => entry.warnings))).toEqual(new Set(['--rm', '-p', '--publish', '--privileged', '--security-opt', '--net', '--pid', '-v', '-a', '--volumes', 'busybox']));
  });
});

describe('invented options', () => {
  it.each(INVENTED)('%s is reported unknown, never explained', (option) => {
    const explained = explainer.explain(`docker run -d ${option} nginx`, 'en');
    const part = explained.parts.find((candidate) => candidate.token === option)!;
    expect(part).toMatchObject({ role: 'option', known: false });
    expect(part.text).toMatch(/^Unknown option: Docker's reference for docker run has no /);
  });
});
