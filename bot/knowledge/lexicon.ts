import { join } from 'node:path';
import { z } from 'zod';
import { ok, type Result } from '../core/result.js';
import { readYamlFile } from '../core/yaml-files.js';
import type { LoadError } from './load.js';
import { realWordsOf } from './load-real-words.js';

const lexiconSchema = z
  .object({
    suffixes: z.array(z.string().min(1)),
    boundNouns: z.array(z.string().length(1)).default([]),
    stopwords: z.object({ en: z.array(z.string()), ko: z.array(z.string()) }).strict(),
    synonyms: z.record(z.string().min(1), z.array(z.string().min(1))),
    outside: z.array(z.string().min(1)),
    servers: z.array(z.string().min(1)).default([]),
    spellings: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)+$/u)),
    kinds: z.record(z.string().regex(/^[a-z]+$/u), z.array(z.string().min(1))).default({}),
    signal: z
      .object({
        core: z.array(z.string().min(1)),
        objects: z.array(z.string().min(1)),
        commands: z.array(z.string().min(1)),
        general: z.array(z.string().min(1)),
        instructions: z.array(z.string().regex(/^[A-Z]+$/u)),
      })
      .strict(),
  })
  .strict();

/** The lexicon file as written: `kinds`, `boundNouns` and `servers` may be left out. */
export type LexiconData = z.input<typeof lexiconSchema>;

/** The analyzer's word lists, prepared for fast look-up. */
export interface Lexicon {
  /** Longest first, so "이랑" is tried before "랑". */
  readonly suffixes: readonly string[];
  /**
   * One-syllable Sino-Korean nouns written onto the noun before them (실행시, 설치후, 실행중,
   * 컨테이너간): stripped like a suffix, but only from two syllables or more, as 표시 and 시간 are words.
   */
  readonly boundNouns: ReadonlySet<string>;
  readonly stopwords: ReadonlySet<string>;
  /** Single-word variant → canonical term. */
  readonly canonical: ReadonlyMap<string, string>;
  /** Multi-word variants ("virtual machine") → canonical term, longest first. */
  readonly phrases: ReadonlyArray<readonly [string, string]>;
  /** Terms naming neighbouring technologies the topics do not cover; beside one, only a core Docker word says a question is Docker's. */
  readonly outside: readonly string[];
  /**
   * The outside terms that name a server people run from its Docker image (a database, a cache): a
   * Docker object written right after one is Docker's ("postgres volume", "redis image").
   */
  readonly servers: ReadonlySet<string>;
  /** Hyphenated compounds that are only another way to write their open phrase ("docker-compose"). */
  readonly spellings: ReadonlySet<string>;
  /** Kind of question (how, why, what, trouble) → the words and phrases that mark it (see question-kinds.ts). */
  readonly kinds: ReadonlyMap<string, readonly string[]>;
  /** Canonical terms that make a question a Docker question, strongest first (see the lexicon file). */
  readonly signal: {
    readonly core: ReadonlySet<string>;
    /** Docker's objects under everyday names: as strong as core, but not beside a neighbouring technology. */
    readonly objects: ReadonlySet<string>;
    readonly commands: ReadonlySet<string>;
    readonly general: ReadonlySet<string>;
    /** Dockerfile instructions, matched only as written in capitals ("COPY", "USER"). */
    readonly instructions: ReadonlySet<string>;
  };
  /**
   * Whether a word is spelled right in Korean or English by their spelling dictionaries: such a
   * word is never read as a typo of a known one (see real-words.ts). Without the dictionaries, none is.
   */
  readonly realWord: (word: string) => boolean;
}

export function prepareLexicon(data: LexiconData, realWord: (word: string) => boolean = () => false): Lexicon {
  const canonical = new Map<string, string>();
  const phrases: Array<[string, string]> = [];
  for (const [term, variants] of Object.entries(data.synonyms)) {
    for (const variant of variants.map((v) => v.normalize('NFKC').toLowerCase())) {
      if (variant.includes(' ')) phrases.push([variant, term]);
      else if (variant !== term) canonical.set(variant, term);
    }
  }
  phrases.sort((a, b) => b[0].length - a[0].length);
  return {
    suffixes: [...new Set(data.suffixes)].sort((a, b) => b.length - a.length),
    boundNouns: new Set(data.boundNouns ?? []),
    stopwords: new Set([...data.stopwords.en, ...data.stopwords.ko].map((w) => w.toLowerCase())),
    canonical,
    phrases,
    outside: data.outside.map((word) => word.normalize('NFKC').toLowerCase()),
    servers: new Set((data.servers ?? []).map((word) => word.normalize('NFKC').toLowerCase())),
    spellings: new Set(data.spellings),
    kinds: new Map(Object.entries(data.kinds ?? {})),
    signal: {
      core: new Set(data.signal.core),
      objects: new Set(data.signal.objects),
      commands: new Set(data.signal.commands),
      general: new Set(data.signal.general),
      instructions: new Set(data.signal.instructions),
    },
    realWord,
  };
}

export async function loadLexicon(file: string): Promise<Result<Lexicon, LoadError>> {
  const data = await readYamlFile(file, lexiconSchema, 'knowledge.load.invalid');
  if (!data.ok) return data;
  // The dictionaries read words as the lexicon does (its particles and endings), so they come after it.
  let realWord: (word: string) => boolean = () => false;
  const lexicon = prepareLexicon(data.value, (word) => realWord(word));
  realWord = realWordsOf(lexicon);
  return ok(lexicon);
}

export const lexiconFile = (knowledgeDir: string): string => join(knowledgeDir, 'lexicon', 'analyzer.yaml');
