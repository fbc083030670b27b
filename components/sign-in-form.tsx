'use client';
// The sign-in form: email and password, with one message for any wrong pair.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { echoed, FormMessage, SubmitButton, TextField } from './form-controls';

type SignIn = (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;

export function SignInForm({ action, next }: { action: SignIn; next?: string }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="email" label="Email" type="email" autoComplete="username" required defaultValue={echoed(state, 'email')} error={errors?.email} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required error={errors?.password} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
