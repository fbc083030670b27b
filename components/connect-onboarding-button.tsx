'use client';
// Start (or continue) onboarding: the action answers with a redirect to Stripe's hosted page, or an error here.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { FormMessage, SubmitButton } from './form-controls';

type OnboardAction = (previous: ActionResult<never> | null, formData: FormData) => Promise<ActionResult<never>>;

export function ConnectOnboardingButton({ action, label }: { action: OnboardAction; label: string }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Opening Stripe…">{label}</SubmitButton>
    </form>
  );
}
