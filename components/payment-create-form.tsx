'use client';
// The new-payment form: amount in major units, currency, optional customer, description, metadata, when to capture
// and how to confirm; field-level errors from the server action.
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { METADATA_MAX_PAIRS } from '@/lib/customers/customer-input';
import { CurrencyField, echoed, FormMessage, inputClass, SubmitButton, TextField } from './form-controls';

type CreateAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

interface CustomerOption {
  id: string;
  label: string;
}

let nextRowId = 0;

function Choice(props: { name: string; legend: string; options: { value: string; label: string; hint: string }[]; selected: string; error?: string }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className="flex items-start gap-2 text-sm">
          <input type="radio" name={props.name} value={option.value} defaultChecked={option.value === props.selected} className="mt-1" />
          <span>
            {option.label}
            <span className="block text-xs text-slate-500">{option.hint}</span>
          </span>
        </label>
      ))}
      {props.error ? <p className="text-sm text-red-700">{props.error}</p> : null}
    </fieldset>
  );
}

export function PaymentCreateForm<T>(props: { action: CreateAction<T>; idempotencyNonce: string; customers: CustomerOption[]; customerId?: string }) {
  const [state, formAction] = useActionState(props.action, null);
  const [rows, setRows] = useState<{ id: number; key: string; value: string }[]>([]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const customerError = errors.customerId;
  const update = (id: number, field: 'key' | 'value', text: string) =>
    setRows((current) => current.map((row) => (row.id === id ? { ...row, [field]: text } : row)));

  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="idempotencyNonce" value={props.idempotencyNonce} />
      <div className="grid grid-cols-[1fr_8rem] gap-3">
        <TextField name="amount" label="Amount" inputMode="text" autoComplete="off" required defaultValue={echoed(state, 'amount')} error={errors.amount} hint="In the currency's units, e.g. 20.00 or 5000 for JPY." />
        <CurrencyField defaultValue={echoed(state, 'currency')} error={errors.currency} />
      </div>
      <div>
        <label htmlFor="field-customerId" className="text-sm font-medium text-slate-700">
          Customer
        </label>
        <select
          id="field-customerId"
          name="customerId"
          defaultValue={echoed(state, 'customerId') ?? props.customerId ?? ''}
          aria-invalid={customerError ? true : undefined}
          aria-describedby={customerError ? 'field-customerId-error' : undefined}
          className={inputClass}
        >
          <option value="">No customer</option>
          {props.customers.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.label}
            </option>
          ))}
        </select>
        {customerError ? (
          <p id="field-customerId-error" className="mt-1 text-sm text-red-700">
            {customerError}
          </p>
        ) : null}
      </div>
      <TextField name="description" label="Description" autoComplete="off" defaultValue={echoed(state, 'description')} error={errors.description} />
      <Choice
        name="captureMethod"
        legend="Capture"
        selected={echoed(state, 'captureMethod') ?? 'automatic'}
        error={errors.captureMethod}
        options={[
          { value: 'automatic', label: 'Capture at once', hint: 'The money is taken when the payment is confirmed.' },
          { value: 'manual', label: 'Authorize only', hint: 'Hold the amount and capture it later (within 7 days for cards).' },
        ]}
      />
      <Choice
        name="confirmationMode"
        legend="Confirmation"
        selected={echoed(state, 'confirmationMode') ?? 'browser'}
        error={errors.confirmationMode}
        options={[
          { value: 'browser', label: 'Enter card details now', hint: 'Card details go straight to Stripe in the next step.' },
          { value: 'server', label: 'Use a saved card', hint: "Confirm from the payment's page with one of the customer's saved cards." },
        ]}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Metadata</legend>
        {errors.metadata ? <p className="text-sm text-red-700">{errors.metadata}</p> : null}
        {rows.map((row, index) => (
          <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
            {(['key', 'value'] as const).map((field) => {
              const error = errors[`metadata.${index}.${field}`];
              const id = `metadata-${field}-${row.id}`;
              return (
                <div key={field}>
                  <label htmlFor={id} className="sr-only">
                    Metadata {field} {index + 1}
                  </label>
                  <input
                    id={id}
                    name={field === 'key' ? 'metadataKey[]' : 'metadataValue[]'}
                    placeholder={field}
                    value={row[field]}
                    onChange={(event) => update(row.id, field, event.target.value)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    className={inputClass}
                  />
                  {error ? (
                    <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
                      {error}
                    </p>
                  ) : null}
                </div>
              );
            })}
            <button
              type="button"
              onClick={() => setRows((current) => current.filter((other) => other.id !== row.id))}
              className="mt-1 rounded-md border border-slate-300 px-2 py-2 text-sm hover:bg-slate-100"
            >
              Remove<span className="sr-only"> metadata pair {index + 1}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          disabled={rows.length >= METADATA_MAX_PAIRS}
          onClick={() => setRows((current) => [...current, { id: nextRowId++, key: '', value: '' }])}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50"
        >
          Add metadata
        </button>
      </fieldset>
      <SubmitButton pendingLabel="Creating…">Create payment</SubmitButton>
    </form>
  );
}
