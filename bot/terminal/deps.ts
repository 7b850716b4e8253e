import type { i18n } from 'i18next';
import type { Lang } from '../core/lang.js';
import type { Explainer } from '../explain/explainer.js';
import type { Asker } from '../knowledge/asker.js';
import type { Feedback } from '../knowledge/feedback.js';
import type { Knowledge } from '../knowledge/knowledge.js';

/** What the terminal front needs from `main`; tests pass their own streams. */
export interface TerminalDeps {
  readonly i18n: i18n;
  readonly uiLang: Lang;
  readonly knowledge: Knowledge;
  readonly ask: Asker;
  /** Records which suggestion a person opened for their question. */
  readonly feedback: Feedback;
  /** Explains a pasted Docker command; questions holding one are answered with it. */
  readonly explainer: Explainer;
  readonly stdin: NodeJS.ReadStream | (NodeJS.ReadableStream & { isTTY?: boolean });
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream;
}
