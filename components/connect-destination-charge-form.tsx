'use client';
// A destination charge for a seller's order: amount, the platform's fee and the order reference; the card comes next.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { echoed, FormMessage, SubmitButton, TextField } from './form-controls';

type ChargeAction = (previous: ActionResult<never> | null, formData: FormData) => Promise<ActionResult<never>>;

export function ConnectDestinationChargeForm(props: { action: ChargeAction; accountId: string; idempotencyNonce: string; defaultOrderReference: string }) {
  const [state, formAction] = useActionState(props.action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} aria-label="Destination charge" className="max-w-xl space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="accountId" value={props.accountId} />
      <input type="hidden" name="idempotencyNonce" value={props.idempotencyNonce} />
      <input type="hidden" name="currency" value="usd" />
      <TextField name="amount" label="Amount (USD)" autoComplete="off" required defaultValue={echoed(state, 'amount')} error={errors.amount} hint="What the customer pays, e.g. 100.00." />
      <TextField name="applicationFee" label="Platform fee (USD)" autoComplete="off" required defaultValue={echoed(state, 'applicationFee')} error={errors.applicationFee} hint="Kept by the platform; less than the amount." />
      <TextField name="orderReference" label="Order reference" autoComplete="off" required defaultValue={echoed(state, 'orderReference') ?? props.defaultOrderReference} error={errors.orderReference} hint="Groups the charge, fee and transfer of this order." />
      <TextField name="description" label="Description" autoComplete="off" defaultValue={echoed(state, 'description')} error={errors.description} />
      <SubmitButton pendingLabel="Creating…">Continue to card</SubmitButton>
    </form>
  );
}
