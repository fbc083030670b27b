// What every server action returns to `useActionState` (types only, safe for client components).

export type FieldErrors = Record<string, string>;

export type ActionFailureCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unexpected'
  | (string & {});

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ActionFailureCode;
      message: string;
      fieldErrors?: FieldErrors;
      /** What the user typed (never passwords), so the form can show it again. */
      values?: Record<string, string | string[]>;
    };

export const SOMETHING_WENT_WRONG = 'Something went wrong; nothing was changed.';
