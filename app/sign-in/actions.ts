'use server';
// Sign-in: the one action that runs without a session.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { fieldErrorsFrom, formDataToObject } from '@/lib/actions/form-data';
import type { ActionResult } from '@/lib/actions/action-result';
import { clientAddressOf } from '@/lib/auth/client-address';
import { signInSchema } from '@/lib/auth/sign-in-input';
import { checkSignInAllowed, describeRetry, recordSignInFailure, recordSignInSuccess } from '@/lib/auth/sign-in-throttle';
import { signInWithPassword } from '@/lib/auth/sign-in-with-password';
import { db } from '@/lib/db/client';

export async function signInAction(_previous: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  const values = formData instanceof FormData ? formDataToObject(formData) : {};
  const parsed = signInSchema.safeParse(values);
  const email = typeof values.email === 'string' ? values.email : '';
  if (!parsed.success) {
    return { ok: false, code: 'invalid_input', message: 'Check the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues), values: { email } };
  }
  const attempt = { email: parsed.data.email, address: clientAddressOf(await headers()) };
  const permission = await checkSignInAllowed(attempt, db);
  if (!permission.isAllowed) return { ok: false, code: 'throttled', message: describeRetry(permission.retryAt), values: { email } };
  const isSignedIn = await signInWithPassword({ email: parsed.data.email, password: parsed.data.password });
  if (!isSignedIn) {
    await recordSignInFailure(attempt, db);
    // One message for an unknown email and a wrong password, so the form doesn't reveal who has an account.
    return { ok: false, code: 'invalid_credentials', message: 'That email and password don’t match an account.', values: { email } };
  }
  await recordSignInSuccess(attempt, db);
  redirect(parsed.data.next);
}
