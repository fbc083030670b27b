'use client';
// Accept the loss: closes the dispute for good, only after the user ticks that they mean it.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { FormMessage, SubmitButton } from './form-controls';

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

export function DisputeAcceptLossForm<T>(props: { disputeId: string; idempotencyNonce: string; action: Action<T>; isAvailable: boolean }) {
  const [state, formAction] = useActionState(props.action, null);
  const success = 'Dispute closed: the loss is accepted.';
  if (!props.isAvailable) return <FormMessage state={state?.ok ? state : null} successMessage={success} />;
  const error = state && !state.ok ? state.fieldErrors?.confirmAccept : undefined;
  return (
    <form action={formAction} aria-label="Accept the loss" className="max-w-3xl space-y-2 rounded-md border border-red-200 bg-red-50 p-3" noValidate>
      <FormMessage state={state} successMessage={success} />
      <input type="hidden" name="disputeId" value={props.disputeId} />
      <input type="hidden" name="idempotencyNonce" value={props.idempotencyNonce} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confirmAccept" className="mt-1" aria-invalid={error ? true : undefined} />
        <span>I accept losing this dispute. The disputed amount and the fee stay with the cardholder’s bank; this can’t be undone.</span>
      </label>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      <SubmitButton pendingLabel="Closing…">Accept the loss</SubmitButton>
    </form>
  );
}
