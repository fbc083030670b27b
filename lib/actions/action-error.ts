// An expected failure a domain function may throw; its message is shown to the user as it is.
import type { ActionFailureCode, FieldErrors } from './action-result';

export class ActionError extends Error {
  readonly code: ActionFailureCode;
  readonly fieldErrors?: FieldErrors;

  constructor(code: ActionFailureCode, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = 'ActionError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}
