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

/** The value transformed; a failure passes through untouched. */
export const map = <T, U, Id extends string>(result: Result<T, Id>, transform: (value: T) => U): Result<U, Id> =>
  result.ok ? ok(transform(result.value)) : result;

/** The next step, run only on a value; the first failure is the result. */
export const andThen = <T, U, Id extends string, Next extends string>(
  result: Result<T, Id>,
  next: (value: T) => Result<U, Next>,
): Result<U, Id | Next> => (result.ok ? next(result.value) : result);
