'use client';
// Refunds an order's charge, taking back the seller's share and the platform fee in proportion.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { formatMinorAmount } from '@/lib/money';
import { echoed, FormMessage, SubmitButton, TextField } from './form-controls';

type RefundResult = { refundId: string; amount: number; currency: string };
type RefundAction = (previous: ActionResult<RefundResult> | null, formData: FormData) => Promise<ActionResult<RefundResult>>;

export function ConnectRefundForm(props: { action: RefundAction; chargeId: string; idempotencyNonce: string }) {
  const [state, formAction] = useActionState(props.action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} aria-label={`Refund ${props.chargeId}`} className="max-w-md space-y-2" noValidate>
      <FormMessage state={state} successMessage={state?.ok ? `Refund ${state.data.refundId} of ${formatMinorAmount(state.data.amount, state.data.currency)} created; it shows here once Stripe confirms it.` : undefined} />
      <input type="hidden" name="chargeId" value={props.chargeId} />
      <input type="hidden" name="idempotencyNonce" value={props.idempotencyNonce} />
      <TextField name="amount" label="Refund amount" autoComplete="off" defaultValue={echoed(state, 'amount')} error={errors.amount} hint="Blank refunds what is left. The seller’s transfer and the platform fee are reversed in proportion." />
      <SubmitButton pendingLabel="Refunding…">Refund order</SubmitButton>
    </form>
  );
}
