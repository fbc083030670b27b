'use client';
// The new-quote form: a customer, up to three lines (an existing price, or a new one: product name, unit amount and
// how often it bills), the quote's currency and expiry; field-level errors from the server action.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { INTERVAL_LABELS, QUOTE_FORM_ROWS, QUOTE_LINE_INTERVALS, QUOTE_MAX_EXPIRY_DAYS } from '@/lib/quotes/quote-input';
import { CurrencyField, echoed, FormMessage, inputClass, SubmitButton, TextField } from './form-controls';

type CreateAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

interface Option {
  id: string;
  label: string;
}

function echoedAt(state: ActionResult<unknown> | null, name: string, row: number): string | undefined {
  if (!state || state.ok) return undefined;
  const value = state.values?.[name];
  return Array.isArray(value) ? value[row] : undefined;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

function LineRow({ row, prices, state }: { row: number; prices: Option[]; state: ActionResult<unknown> | null }) {
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const error = (field: string) => errors[`lines.${row}.${field}`];
  const id = (field: string) => `line-${row}-${field}`;
  const described = (field: string) => (error(field) ? `${id(field)}-error` : undefined);
  const label = `Line ${row + 1}`;
  return (
    <fieldset className="grid grid-cols-1 gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_2fr_1fr_1fr_5rem]">
      <legend className="px-1 text-sm font-medium text-slate-700">{label}</legend>
      <div>
        <label htmlFor={id('price')} className="text-xs text-slate-600">
          {label} price
        </label>
        <select id={id('price')} name="linePrice[]" defaultValue={echoedAt(state, 'linePrice', row) ?? ''} aria-invalid={error('priceId') ? true : undefined} aria-describedby={described('priceId')} className={inputClass}>
          <option value="">New price (below)</option>
          {prices.map((price) => (
            <option key={price.id} value={price.id}>
              {price.label}
            </option>
          ))}
        </select>
        <FieldError id={`${id('priceId')}-error`} message={error('priceId')} />
      </div>
      <div>
        <label htmlFor={id('product')} className="text-xs text-slate-600">
          {label} product name
        </label>
        <input id={id('product')} name="lineProduct[]" defaultValue={echoedAt(state, 'lineProduct', row)} autoComplete="off" aria-invalid={error('productName') ? true : undefined} aria-describedby={described('productName')} className={inputClass} />
        <FieldError id={`${id('productName')}-error`} message={error('productName')} />
      </div>
      <div>
        <label htmlFor={id('unitAmount')} className="text-xs text-slate-600">
          {label} unit amount
        </label>
        <input id={id('unitAmount')} name="lineUnitAmount[]" defaultValue={echoedAt(state, 'lineUnitAmount', row)} autoComplete="off" inputMode="decimal" aria-invalid={error('unitAmount') ? true : undefined} aria-describedby={described('unitAmount')} className={inputClass} />
        <FieldError id={`${id('unitAmount')}-error`} message={error('unitAmount')} />
      </div>
      <div>
        <label htmlFor={id('interval')} className="text-xs text-slate-600">
          {label} billing
        </label>
        <select id={id('interval')} name="lineInterval[]" defaultValue={echoedAt(state, 'lineInterval', row) ?? 'one_time'} className={inputClass}>
          {QUOTE_LINE_INTERVALS.map((interval) => (
            <option key={interval} value={interval}>
              {INTERVAL_LABELS[interval]}
            </option>
          ))}
        </select>
        <FieldError id={`${id('interval')}-error`} message={error('interval')} />
      </div>
      <div>
        <label htmlFor={id('quantity')} className="text-xs text-slate-600">
          {label} quantity
        </label>
        <input id={id('quantity')} name="lineQuantity[]" defaultValue={echoedAt(state, 'lineQuantity', row) ?? '1'} inputMode="numeric" autoComplete="off" aria-invalid={error('quantity') ? true : undefined} aria-describedby={described('quantity')} className={inputClass} />
        <FieldError id={`${id('quantity')}-error`} message={error('quantity')} />
      </div>
    </fieldset>
  );
}

export function QuoteCreateForm<T>(props: { action: CreateAction<T>; idempotencyNonce: string; customers: Option[]; prices: Option[]; customerId?: string }) {
  const [state, formAction] = useActionState(props.action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} aria-label="New quote" className="max-w-4xl space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="idempotencyNonce" value={props.idempotencyNonce} />
      <div className="max-w-xl">
        <label htmlFor="field-customerId" className="text-sm font-medium text-slate-700">
          Customer
        </label>
        <select
          id="field-customerId"
          name="customerId"
          defaultValue={echoed(state, 'customerId') ?? props.customerId ?? ''}
          aria-invalid={errors.customerId ? true : undefined}
          aria-describedby={errors.customerId ? 'field-customerId-error' : undefined}
          className={inputClass}
        >
          <option value="">Choose a customer</option>
          {props.customers.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.label}
            </option>
          ))}
        </select>
        <FieldError id="field-customerId-error" message={errors.customerId} />
      </div>
      <p className="text-sm text-slate-600">Each line uses an existing price, or a new one from a product name and unit amount. Empty lines are left out.</p>
      {errors.lines ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.lines}
        </p>
      ) : null}
      {Array.from({ length: QUOTE_FORM_ROWS }, (_, row) => (
        <LineRow key={row} row={row} prices={props.prices} state={state} />
      ))}
      <div className="grid max-w-xl grid-cols-2 gap-3">
        <CurrencyField defaultValue={echoed(state, 'currency')} error={errors.currency} />
        <TextField name="expiresInDays" label="Expires after (days)" inputMode="numeric" autoComplete="off" defaultValue={echoed(state, 'expiresInDays')} error={errors.expiresInDays} hint={`Blank: Stripe's default of 30 days. At most ${QUOTE_MAX_EXPIRY_DAYS}.`} />
      </div>
      <div className="max-w-xl">
        <TextField name="description" label="Description" autoComplete="off" defaultValue={echoed(state, 'description')} error={errors.description} hint="Shown to the customer on the quote." />
      </div>
      <SubmitButton pendingLabel="Creating…">Create draft quote</SubmitButton>
    </form>
  );
}
