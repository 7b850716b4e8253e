import { inNoLanguage } from '../core/lang.js';
import type { Knowledge } from './knowledge.js';

/**
 * A pasted error message a topic knows, or a line a program printed ("bash: docker: command not found"),
 * is nobody's language: the reply takes its language from the conversation, the person or the server.
 */
export const isPastedText = (knowledge: Pick<Knowledge, 'pastedError'>, text: string): boolean => knowledge.pastedError(text) !== undefined || inNoLanguage(text);
