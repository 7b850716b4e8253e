/** What the search makes of a question (`Reading`) and finds for it (`Hit`), as the confidence weighs them. */

export interface Hit {
  readonly id: string;
  readonly score: number;
  /** How closely the question follows the topic's closest example question (0–1). */
  readonly example: number;
  /** The topic model's probability (0–1) that the question is about this topic rather than another leading hit; none without a model. */
  readonly belief?: number;
}

/** How a question was read: the terms its content words became, and how much of it the index knows. */
export interface Reading {
  readonly terms: readonly string[];
  readonly words: number;
  /** 0–1: the share of content words that belong to the knowledge base. */
  readonly coverage: number;
  /** Every content word is a word of some topic's title, aliases, keywords or commands, or a slip of one ("docekr"). */
  readonly whole: boolean;
  /** A word names a neighbouring technology (git, Kubernetes…) that the topics do not cover. */
  readonly outside: boolean;
  /**
   * How surely the question is about Docker: `core` names Docker itself (docker, container,
   * Dockerfile, a Docker flag); `topical` only through words the topics use or Docker's commands.
   */
  readonly signal: 'core' | 'topical' | 'none';
  /** 0–1: the share of content words that say Docker (core words, declared topic terms, commands). */
  readonly dockerShare: number;
  /** What the question asks for beside its subject, as kind terms ("?how", "?why", "?trouble"; see question-kinds.ts). */
  readonly kinds: readonly string[];
}
