'use client';
// The new-credit-note form: lines (quantities) or a custom amount, reason, memo, and where an already-paid part goes.
// Preview asks Stripe what the note would do and shows it; Create issues it (once per form, by its nonce) and is
// offered only while the fields still match what was previewed. The fields live in state and the actions are called
// with a FormData built from it: a form action would reset the form, wiping what was typed, after every preview.
import { startTransition, useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_REASONS, DESTINATION_LABELS, MEMO_MAX, POST_PAYMENT_DESTINATIONS } from '@/lib/credit-notes/credit-note-input';
import type { CreditNotePreview } from '@/lib/credit-notes/preview-credit-note';
import { formatMinorAmount } from '@/lib/money';
import { FormMessage, inputClass } from './form-controls';

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
  const [quantities, setQuantities] = useState<string[]>(() => props.invoice.lines.map(() => '0'));
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [memo, setMemo] = useState('');
  const [postPayment, setPostPayment] = useState<string>('credit');
  const [previewedFields, setPreviewedFields] = useState<string | null>(null);
  const fields = JSON.stringify([mode, quantities, amount, reason, memo, postPayment]);
  const isPreviewCurrent = Boolean(preview?.ok) && previewedFields === fields;

  const submit = (dispatch: (formData: FormData) => void) => {
    const formData = new FormData();
    const entries: [string, string][] = [
      ['invoiceId', props.invoice.id],
      ['idempotencyNonce', props.idempotencyNonce],
      ['mode', mode],
      ...props.invoice.lines.flatMap((line, row): [string, string][] => [
        ['lineId[]', line.id],
        ['lineQuantity[]', quantities[row] ?? ''],
      ]),
      ['amount', amount],
      ['reason', reason],
      ['memo', memo],
      ['postPayment', postPayment],
    ];
    for (const [key, value] of entries) formData.append(key, value);
    startTransition(() => dispatch(formData));
  };
  const latest = created && !created.ok ? created : preview;
  const errors = latest && !latest.ok ? (latest.fieldErrors ?? {}) : {};
  const money = (minor: number) => formatMinorAmount(minor, props.invoice.currency);
  const isBusy = isPreviewing || isCreating;

  return (
    <form aria-label="New credit note" className="max-w-3xl space-y-4" noValidate onSubmit={(event) => event.preventDefault()}>
      <FormMessage state={latest && !latest.ok ? latest : null} />
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
            <div key={line.id} className="grid grid-cols-[1fr_8rem] items-center gap-3">
              <label htmlFor={`credit-line-${row}`} className="text-sm">
                <span className="sr-only">Credit quantity of </span>
                {line.description}
                <span aria-hidden="true" className="text-slate-500">
                  {' '}
                  — {line.quantity} × {money(Math.round(line.amount / Math.max(line.quantity, 1)))}
                </span>
              </label>
              <div>
                <input
                  id={`credit-line-${row}`}
                  name="lineQuantity[]"
                  inputMode="numeric"
                  autoComplete="off"
                  value={quantities[row] ?? ''}
                  onChange={(event) => setQuantities((current) => current.map((value, index) => (index === row ? event.target.value : value)))}
                  aria-invalid={errors[`lines.${row}.quantity`] ? true : undefined}
                  className={inputClass}
                />
                {errors[`lines.${row}.quantity`] ? <p className="mt-1 text-sm text-red-700">{errors[`lines.${row}.quantity`]}</p> : null}
              </div>
            </div>
          ))}
        </fieldset>
      ) : (
        <div>
          <label htmlFor="field-amount" className="text-sm font-medium text-slate-700">
            Amount to credit
          </label>
          <input
            id="field-amount"
            name="amount"
            autoComplete="off"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby={errors.amount ? 'field-amount-error field-amount-hint' : 'field-amount-hint'}
            className={inputClass}
          />
          <p id="field-amount-hint" className="mt-1 text-xs text-slate-500">
            In {props.invoice.currency.toUpperCase()}, e.g. 25.00.
          </p>
          {errors.amount ? (
            <p id="field-amount-error" className="mt-1 text-sm text-red-700">
              {errors.amount}
            </p>
          ) : null}
        </div>
      )}
      <div>
        <label htmlFor="field-reason" className="text-sm font-medium text-slate-700">
          Reason
        </label>
        <select id="field-reason" name="reason" value={reason} onChange={(event) => setReason(event.target.value)} className={inputClass}>
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
        <textarea id="field-memo" name="memo" maxLength={MEMO_MAX} rows={2} value={memo} onChange={(event) => setMemo(event.target.value)} aria-invalid={errors.memo ? true : undefined} className={inputClass} />
        {errors.memo ? <p className="mt-1 text-sm text-red-700">{errors.memo}</p> : null}
      </div>
      {props.invoice.amountPaid > 0 ? (
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium text-slate-700">The part already paid goes to</legend>
          {POST_PAYMENT_DESTINATIONS.map((destination) => (
            <label key={destination} className="flex items-center gap-2">
              <input type="radio" name="postPayment" value={destination} checked={postPayment === destination} onChange={() => setPostPayment(destination)} />
              {DESTINATION_LABELS[destination]}
            </label>
          ))}
        </fieldset>
      ) : null}
      {preview?.ok && isPreviewCurrent ? <PreviewTable preview={preview.data} /> : null}
      <div className="flex gap-3">
        <button
          type="button"
          onClick={() => {
            setPreviewedFields(fields);
            submit(previewDispatch);
          }}
          disabled={isBusy} className={`${buttonClass} border border-indigo-600 bg-white text-indigo-700`}>
          {isPreviewing ? 'Previewing…' : 'Preview'}
        </button>
        <button type="button" onClick={() => submit(createDispatch)} disabled={isBusy || !isPreviewCurrent} className={`${buttonClass} bg-indigo-600 text-white`}>
          {isCreating ? 'Creating…' : 'Create credit note'}
        </button>
      </div>
      {!isPreviewCurrent ? <p className="text-xs text-slate-500">Preview first: Create issues exactly what you previewed.</p> : null}
    </form>
  );
}
