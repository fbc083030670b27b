'use client';
// Pays out a seller's available balance to their bank account.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { formatMinorAmount } from '@/lib/money';
import { FormMessage, SubmitButton } from './form-controls';

type PayoutResult = { payoutId: string; amount: number; currency: string };
type PayoutAction = (previous: ActionResult<PayoutResult> | null, formData: FormData) => Promise<ActionResult<PayoutResult>>;

export function ConnectPayoutForm(props: { action: PayoutAction; accountId: string; idempotencyNonce: string }) {
  const [state, formAction] = useActionState(props.action, null);
  return (
    <form action={formAction} aria-label="Pay out" className="space-y-2">
      <FormMessage state={state} successMessage={state?.ok ? `Payout ${state.data.payoutId} of ${formatMinorAmount(state.data.amount, state.data.currency)} created.` : undefined} />
      <input type="hidden" name="accountId" value={props.accountId} />
      <input type="hidden" name="idempotencyNonce" value={props.idempotencyNonce} />
      <SubmitButton pendingLabel="Paying out…">Pay out available balance</SubmitButton>
    </form>
  );
}
