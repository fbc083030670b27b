'use server';
// Sign-in: the one action that runs without a session.
import { redirect } from 'next/navigation';
import { fieldErrorsFrom, formDataToObject } from '@/lib/actions/form-data';
import type { ActionResult } from '@/lib/actions/action-result';
import { signInSchema } from '@/lib/auth/sign-in-input';
import { signInThrottle } from '@/lib/auth/sign-in-throttle';
import { signInWithPassword } from '@/lib/auth/sign-in-with-password';

export async function signInAction(_previous: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  const values = formDataToObject(formData);
  const parsed = signInSchema.safeParse(values);
  const email = typeof values.email === 'string' ? values.email : '';
  if (!parsed.success) {
    return { ok: false, code: 'invalid_input', message: 'Check the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues), values: { email } };
  }
  if (signInThrottle.isBlocked(parsed.data.email)) {
    return { ok: false, code: 'throttled', message: 'Too many failed attempts. Wait 15 minutes and try again.', values: { email } };
  }
  const isSignedIn = await signInWithPassword({ email: parsed.data.email, password: parsed.data.password });
  if (!isSignedIn) {
    signInThrottle.recordFailure(parsed.data.email);
    // One message for an unknown email and a wrong password, so the form doesn't reveal who has an account.
    return { ok: false, code: 'invalid_credentials', message: 'That email and password don’t match an account.', values: { email } };
  }
  signInThrottle.recordSuccess(parsed.data.email);
  redirect(parsed.data.next);
}
