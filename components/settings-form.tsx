'use client';
// The Settings form: support's refund limit in minor units.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { echoed, FormMessage, SubmitButton, TextField } from './form-controls';

type SettingsAction = (previous: ActionResult<number> | null, formData: FormData) => Promise<ActionResult<number>>;

export function SettingsForm({ action, supportRefundLimit }: { action: SettingsAction; supportRefundLimit: number }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} successMessage="Saved." />
      <TextField
        name="supportRefundLimit"
        label="Support refund limit (minor units)"
        inputMode="numeric"
        required
        defaultValue={echoed(state, 'supportRefundLimit') ?? String(supportRefundLimit)}
        hint="The largest refund a support agent may issue, e.g. 50000 = 500.00 in a two-decimal currency."
        error={errors?.supportRefundLimit}
      />
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
