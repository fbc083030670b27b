// The shape of every server action: authenticate → authorize → parse FormData with zod → run → report.
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { can, type Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/require-role';
import { describeStripeError } from '@/lib/stripe/errors';
import { ActionError } from './action-error';
import { SOMETHING_WENT_WRONG, type ActionResult } from './action-result';
import { fieldErrorsFrom, formDataToObject } from './form-data';

export interface ValidatedActionOptions<Schema extends z.ZodType> {
  /** verb-noun, used in logs */
  name: string;
  permission: Permission;
  schema: Schema;
}

export type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

type Handler<Schema extends z.ZodType, T> = (input: z.infer<Schema>, context: { user: SessionUser }) => Promise<T>;

function echo(values: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key)));
}

/**
 * Builds `validatedAction` around a session lookup (injected so unit tests need no Next request).
 * Authorization comes before parsing so a caller without the permission learns nothing about the input rules.
 */
export function makeValidatedAction(dependencies: { getUser: () => Promise<SessionUser | null> }) {
  return function validatedAction<Schema extends z.ZodType, T>(
    options: ValidatedActionOptions<Schema>,
    handler: Handler<Schema, T>,
  ): FormAction<T> {
    return async (_previous, formData) => {
      const user = await dependencies.getUser();
      if (!user) return { ok: false, code: 'unauthenticated', message: 'Your session has ended. Sign in again.' };
      if (!can(user.role, options.permission)) {
        return { ok: false, code: 'forbidden', message: 'Your role does not allow this.' };
      }
      const values = formData instanceof FormData ? formDataToObject(formData) : {};
      const parsed = options.schema.safeParse(values);
      if (!parsed.success) {
        return {
          ok: false,
          code: 'invalid_input',
          message: 'Check the highlighted fields.',
          fieldErrors: fieldErrorsFrom(parsed.error.issues),
          values: echo(values),
        };
      }
      try {
        return { ok: true, data: await handler(parsed.data, { user }) };
      } catch (error) {
        unstable_rethrow(error); // redirect(), notFound() and friends are control flow, not failures
        if (error instanceof ActionError) {
          return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, values: echo(values) };
        }
        const stripeError = describeStripeError(error);
        if (stripeError?.isExpected) {
          const fieldErrors = stripeError.param ? { [stripeError.param]: stripeError.message } : undefined;
          return { ok: false, code: stripeError.code, message: stripeError.message, fieldErrors, values: echo(values) };
        }
        console.error(`[action ${options.name}] unexpected error`, {
          userId: user.id,
          stripeRequestId: stripeError?.requestId,
          stripeCode: stripeError?.code,
          error,
        });
        return { ok: false, code: 'unexpected', message: SOMETHING_WENT_WRONG, values: echo(values) };
      }
    };
  };
}
