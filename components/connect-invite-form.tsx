'use client';
// An admin invites a seller: name, email and a first password handed over out of band.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { echoed, FormMessage, SubmitButton, TextField } from './form-controls';

type InviteAction = (previous: ActionResult<{ userId: string; email: string }> | null, formData: FormData) => Promise<ActionResult<{ userId: string; email: string }>>;

export function ConnectInviteForm({ action }: { action: InviteAction }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} aria-label="Invite a seller" className="max-w-xl space-y-3" noValidate>
      <FormMessage state={state} successMessage={state?.ok ? `Invited ${state.data.email}. They sign in and start onboarding.` : undefined} />
      <TextField name="name" label="Seller name" autoComplete="off" required defaultValue={echoed(state, 'name')} error={errors.name} />
      <TextField name="email" label="Seller email" type="email" autoComplete="off" required defaultValue={echoed(state, 'email')} error={errors.email} />
      <TextField name="password" label="First password" type="password" autoComplete="new-password" required error={errors.password} hint="At least 12 characters; give it to the seller yourself." />
      <SubmitButton pendingLabel="Inviting…">Invite seller</SubmitButton>
    </form>
  );
}
