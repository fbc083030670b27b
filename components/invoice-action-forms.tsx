'use client';
// The forms on an invoice's page: finalize a draft, and record or take payment of an open invoice. Each carries the
// nonce its page minted, so a double-click or retry replays the first submission.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { FormMessage, inputClass, SubmitButton } from './form-controls';

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

function Hidden({ invoiceId, idempotencyNonce }: { invoiceId: string; idempotencyNonce: string }) {
  return (
    <>
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <input type="hidden" name="idempotencyNonce" value={idempotencyNonce} />
    </>
  );
}

export function FinalizeInvoiceForm<T>(props: { action: Action<T>; invoiceId: string; idempotencyNonce: string }) {
  const [state, formAction] = useActionState(props.action, null);
  return (
    <form action={formAction} aria-label="Finalize invoice" className="space-y-2">
      <FormMessage state={state} successMessage="Invoice finalized." />
      <Hidden invoiceId={props.invoiceId} idempotencyNonce={props.idempotencyNonce} />
      <p className="text-xs text-slate-500">Numbers the invoice and makes it payable; its lines can no longer change.</p>
      <SubmitButton pendingLabel="Finalizing…">Finalize invoice</SubmitButton>
    </form>
  );
}

export function PayInvoiceForm<T>(props: { action: Action<T>; invoiceId: string; idempotencyNonce: string; cards: { id: string; label: string }[] }) {
  const [state, formAction] = useActionState(props.action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} aria-label="Pay invoice" className="max-w-md space-y-3">
      <FormMessage state={state} successMessage="Invoice paid." />
      <Hidden invoiceId={props.invoiceId} idempotencyNonce={props.idempotencyNonce} />
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium text-slate-700">How it is paid</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="method" value="saved_card" defaultChecked={props.cards.length > 0} disabled={props.cards.length === 0} />
          Charge a saved card now
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="method" value="out_of_band" defaultChecked={props.cards.length === 0} />
          Paid outside Stripe (bank transfer, cash)
        </label>
      </fieldset>
      {props.cards.length > 0 ? (
        <div>
          <label htmlFor="field-paymentMethodId" className="text-sm font-medium text-slate-700">
            Saved card
          </label>
          <select id="field-paymentMethodId" name="paymentMethodId" aria-invalid={errors.paymentMethodId ? true : undefined} className={inputClass}>
            {props.cards.map((card) => (
              <option key={card.id} value={card.id}>
                {card.label}
              </option>
            ))}
          </select>
          {errors.paymentMethodId ? <p className="mt-1 text-sm text-red-700">{errors.paymentMethodId}</p> : null}
        </div>
      ) : (
        <p className="text-xs text-slate-500">This customer has no saved card.</p>
      )}
      <SubmitButton pendingLabel="Paying…">Pay invoice</SubmitButton>
    </form>
  );
}
