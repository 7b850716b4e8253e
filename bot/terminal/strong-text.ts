import type { Paint } from './style.js';

/** A topic's **strong** words: bold on a terminal that shows it, plain words elsewhere, never the asterisks. */
export const strongText = (text: string, paint: Paint): string => text.replace(/\*\*([^*\n]+(?:\n[^*\n]+)*?)\*\*/g, (_, inner: string) => paint('bold', inner));
