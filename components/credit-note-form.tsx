'use client';
// The new-credit-note form: lines (quantities) or a custom amount, reason, memo, and where an already-paid part goes.
// Preview asks Stripe what the note would do and shows it; Create issues it (once per form, by its nonce).
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_REASONS, DESTINATION_LABELS, MEMO_MAX, POST_PAYMENT_DESTINATIONS } from '@/lib/credit-notes/credit-note-input';
import type { CreditNotePreview } from '@/lib/credit-notes/preview-credit-note';
import { formatMinorAmount } from '@/lib/money';
import { echoed, FormMessage, inputClass, TextField } from './form-controls';

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

export interface CreditNoteFormInvoice {
  id: string;
  currency: string;
  amountRemaining: number;
  amountPaid: number;
  creditable: number;
  lines: { id: string; description: string; quantity: number; amount: number }[];
}

const buttonClass = 'inline-flex items-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm disabled:cursor-wait disabled:opacity-60';

function PreviewTable({ preview }: { preview: CreditNotePreview }) {
  const money = (minor: number) => formatMinorAmount(minor, preview.currency);
  const rows: [string, string][] = [
    ['Credit note total', money(preview.total)],
    ['Lowers what is still due by', money(preview.prePaymentAmount)],
    ['Amount remaining', `${money(preview.amountRemainingBefore)} → ${money(preview.amountRemainingAfter)}`],
    ['Refunded to the card', money(preview.refundAmount)],
    ["Credited to the customer's balance", money(preview.creditAmount)],
    ['Credited outside Stripe', money(preview.outOfBandAmount)],
    ['Still creditable afterwards', money(preview.creditableAfter)],
  ];
  return (
    <section aria-label="Credit note preview" className="max-w-xl rounded-md border border-indigo-200 bg-indigo-50/40 p-3">
      <h2 className="mb-2 text-sm font-semibold">Preview — nothing has been created yet</h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-600">{term}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function CreditNoteForm<C>(props: { invoice: CreditNoteFormInvoice; previewAction: Action<CreditNotePreview>; createAction: Action<C>; idempotencyNonce: string }) {
  const [preview, previewDispatch, isPreviewing] = useActionState(props.previewAction, null);
  const [created, createDispatch, isCreating] = useActionState(props.createAction, null);
  const [mode, setMode] = useState<'lines' | 'amount'>('lines');
  const latest = created && !created.ok ? created : preview;
  const errors = latest && !latest.ok ? (latest.fieldErrors ?? {}) : {};
  const money = (minor: number) => formatMinorAmount(minor, props.invoice.currency);
  const isBusy = isPreviewing || isCreating;

  return (
    <form aria-label="New credit note" className="max-w-3xl space-y-4" noValidate>
      <FormMessage state={latest && !latest.ok ? latest : null} />
      <input type="hidden" name="invoiceId" value={props.invoice.id} />
      <input type="hidden" name="idempotencyNonce" value={props.idempotencyNonce} />
      <p className="text-sm text-slate-600">
        Up to {money(props.invoice.creditable)} can still be credited; {money(props.invoice.amountRemaining)} is still due.
      </p>
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium text-slate-700">Credit</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" value="lines" checked={mode === 'lines'} onChange={() => setMode('lines')} />
          Invoice lines
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" value="amount" checked={mode === 'amount'} onChange={() => setMode('amount')} />
          A custom amount
        </label>
      </fieldset>
      {mode === 'lines' ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Quantities to credit</legend>
          {errors.lines ? <p className="text-sm text-red-700">{errors.lines}</p> : null}
          {props.invoice.lines.map((line, row) => (
            <div key={line.id} className="grid grid-cols-[1fr_8rem] items-end gap-3">
              <input type="hidden" name="lineId[]" value={line.id} />
              <p className="text-sm">
                {line.description} — {line.quantity} × {money(Math.round(line.amount / Math.max(line.quantity, 1)))}
              </p>
              <div>
                <label htmlFor={`credit-line-${row}`} className="text-xs text-slate-600">
                  Credit quantity of {line.description}
                </label>
                <input id={`credit-line-${row}`} name="lineQuantity[]" inputMode="numeric" autoComplete="off" defaultValue="0" aria-invalid={errors[`lines.${row}.quantity`] ? true : undefined} className={inputClass} />
                {errors[`lines.${row}.quantity`] ? <p className="mt-1 text-sm text-red-700">{errors[`lines.${row}.quantity`]}</p> : null}
              </div>
            </div>
          ))}
        </fieldset>
      ) : (
        <TextField name="amount" label="Amount to credit" autoComplete="off" defaultValue={echoed(latest, 'amount')} error={errors.amount} hint={`In ${props.invoice.currency.toUpperCase()}, e.g. 25.00.`} />
      )}
      <div>
        <label htmlFor="field-reason" className="text-sm font-medium text-slate-700">
          Reason
        </label>
        <select id="field-reason" name="reason" defaultValue="" className={inputClass}>
          <option value="">No reason given</option>
          {CREDIT_NOTE_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {CREDIT_NOTE_REASON_LABELS[reason]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="field-memo" className="text-sm font-medium text-slate-700">
          Memo
        </label>
        <textarea id="field-memo" name="memo" maxLength={MEMO_MAX} rows={2} aria-invalid={errors.memo ? true : undefined} className={inputClass} />
        {errors.memo ? <p className="mt-1 text-sm text-red-700">{errors.memo}</p> : null}
      </div>
      {props.invoice.amountPaid > 0 ? (
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium text-slate-700">The part already paid goes to</legend>
          {POST_PAYMENT_DESTINATIONS.map((destination) => (
            <label key={destination} className="flex items-center gap-2">
              <input type="radio" name="postPayment" value={destination} defaultChecked={destination === 'credit'} />
              {DESTINATION_LABELS[destination]}
            </label>
          ))}
        </fieldset>
      ) : (
        <input type="hidden" name="postPayment" value="credit" />
      )}
      {preview?.ok ? <PreviewTable preview={preview.data} /> : null}
      <div className="flex gap-3">
        <button type="submit" formAction={previewDispatch} disabled={isBusy} className={`${buttonClass} border border-indigo-600 bg-white text-indigo-700`}>
          {isPreviewing ? 'Previewing…' : 'Preview'}
        </button>
        <button type="submit" formAction={createDispatch} disabled={isBusy || !preview?.ok} className={`${buttonClass} bg-indigo-600 text-white`}>
          {isCreating ? 'Creating…' : 'Create credit note'}
        </button>
      </div>
      {!preview?.ok ? <p className="text-xs text-slate-500">Preview first: Create issues exactly what you previewed.</p> : null}
    </form>
  );
}
