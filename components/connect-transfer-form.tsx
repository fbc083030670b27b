'use client';
// Separate charges and transfers: send part of a captured charge to a seller.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { echoed, FormMessage, inputClass, SubmitButton, TextField } from './form-controls';

type TransferAction = (previous: ActionResult<{ transferId: string }> | null, formData: FormData) => Promise<ActionResult<{ transferId: string }>>;

export function ConnectTransferForm(props: { action: TransferAction; idempotencyNonce: string; accounts: { id: string; label: string }[] }) {
  const [state, formAction] = useActionState(props.action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} aria-label="Transfer from a charge" className="max-w-xl space-y-3" noValidate>
      <FormMessage state={state} successMessage={state?.ok ? `Transfer ${state.data.transferId} created; it shows below once Stripe confirms it.` : undefined} />
      <input type="hidden" name="idempotencyNonce" value={props.idempotencyNonce} />
      <TextField name="chargeId" label="Charge" autoComplete="off" required defaultValue={echoed(state, 'chargeId')} error={errors.chargeId} hint="The ch_… id the money came from (source_transaction)." />
      <div>
        <label htmlFor="field-accountId" className="text-sm font-medium text-slate-700">
          Seller
        </label>
        <select id="field-accountId" name="accountId" defaultValue={echoed(state, 'accountId') ?? ''} aria-invalid={errors.accountId ? true : undefined} className={inputClass}>
          <option value="">Choose a seller</option>
          {props.accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.label}
            </option>
          ))}
        </select>
        {errors.accountId ? <p className="mt-1 text-sm text-red-700">{errors.accountId}</p> : null}
      </div>
      <TextField name="amount" label="Amount" autoComplete="off" required defaultValue={echoed(state, 'amount')} error={errors.amount} hint="In the charge's currency, at most what is left of it." />
      <SubmitButton pendingLabel="Transferring…">Create transfer</SubmitButton>
    </form>
  );
}
