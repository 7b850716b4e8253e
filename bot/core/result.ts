/** Expected failures travel as values; `id` is an i18next key the front translates at the edge. */
export interface Failure<Id extends string = string> {
  readonly id: Id;
  readonly vars?: Readonly<Record<string, string | number>>;
}

export type Result<T, Id extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: Failure<Id> };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const fail = <Id extends string>(
  id: Id,
  vars?: Readonly<Record<string, string | number>>,
): Result<never, Id> => ({ ok: false, error: vars ? { id, vars } : { id } });
