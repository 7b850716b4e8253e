import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CUSTOM_ID_MAX } from '../custom-id.js';

/**
 * Buttons on lab replies: turn a table's page, or answer a load's question. The token names state
 * the bot holds in memory (the pages, the waiting question); after a restart such buttons are stale.
 */
export type LabButton =
  | { readonly kind: 'page'; readonly token: string; readonly page: number }
  | { readonly kind: 'yes' | 'no'; readonly token: string };

const PREFIX = 'gorae:lab:';
const token = z.string().regex(/^[0-9a-f]{16}$/);

const buttonSchema = z
  .string()
  .max(CUSTOM_ID_MAX)
  .transform((text) => text.slice(PREFIX.length).split(':'))
  .pipe(
    z.union([
      z
        .tuple([z.literal('page'), token, z.string().regex(/^\d{1,3}$/).transform(Number)])
        .transform(([, value, page]): LabButton => ({ kind: 'page', token: value, page })),
      z.tuple([z.enum(['yes', 'no']), token]).transform(([kind, value]): LabButton => ({ kind, token: value })),
    ]),
  );

export const newToken = (): string => randomBytes(8).toString('hex');

export const isLabButton = (customId: string): boolean => customId.startsWith(PREFIX);

export function encodeLabButton(button: LabButton): string {
  return button.kind === 'page' ? `${PREFIX}page:${button.token}:${button.page}` : `${PREFIX}${button.kind}:${button.token}`;
}

/** Anything not made by `encodeLabButton` is undefined. */
export function decodeLabButton(customId: string): LabButton | undefined {
  if (!isLabButton(customId)) return undefined;
  const parsed = buttonSchema.safeParse(customId);
  return parsed.success ? parsed.data : undefined;
}
