'use client';
// The customer form (create and edit): contact fields and up to 50 metadata rows, with field-level errors.
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { METADATA_KEY_MAX, METADATA_MAX_PAIRS, METADATA_VALUE_MAX } from '@/lib/customers/customer-input';
import type { CustomerView } from '@/lib/customers/customer-view';
import { echoed, FormMessage, inputClass, SubmitButton, TextField } from './form-controls';

type CustomerAction = (previous: ActionResult<CustomerView> | null, formData: FormData) => Promise<ActionResult<CustomerView>>;

interface Row {
  id: number;
  key: string;
  value: string;
}

let nextRowId = 0;
const toRows = (pairs: [string, string][]): Row[] => pairs.map(([key, value]) => ({ id: nextRowId++, key, value }));

export function CustomerForm(props: {
  action: CustomerAction;
  /** create: a nonce minted by the page; edit: the customer being changed */
  mode: { kind: 'create'; idempotencyNonce: string } | { kind: 'edit'; customer: CustomerView };
}) {
  const [state, formAction] = useActionState(props.action, null);
  const initial = props.mode.kind === 'edit' ? props.mode.customer : null;
  const [rows, setRows] = useState<Row[]>(() => toRows(Object.entries(initial?.metadata ?? {})));
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const value = (name: 'email' | 'name' | 'phone') => echoed(state, name) ?? initial?.[name] ?? undefined;
  // Stripe cannot unset a customer's name or phone, so on edit a blank field keeps the current value.
  const keepHint = props.mode.kind === 'edit' ? 'Leave blank to keep the current value.' : undefined;
  const update = (id: number, field: 'key' | 'value', text: string) =>
    setRows((current) => current.map((row) => (row.id === id ? { ...row, [field]: text } : row)));

  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} successMessage="Saved." />
      {props.mode.kind === 'create' ? (
        <input type="hidden" name="idempotencyNonce" value={props.mode.idempotencyNonce} />
      ) : (
        <input type="hidden" name="customerId" value={props.mode.customer.id} />
      )}
      <TextField name="email" label="Email" type="email" autoComplete="off" required defaultValue={value('email')} error={errors.email} />
      <TextField name="name" label="Name" autoComplete="off" defaultValue={value('name')} error={errors.name} hint={keepHint} />
      <TextField name="phone" label="Phone" type="tel" autoComplete="off" defaultValue={value('phone')} error={errors.phone} hint={keepHint} />

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Metadata</legend>
        <p className="text-xs text-slate-500">
          Up to {METADATA_MAX_PAIRS} pairs; keys up to {METADATA_KEY_MAX} characters, values up to {METADATA_VALUE_MAX}.
        </p>
        {errors.metadata ? <p className="text-sm text-red-700">{errors.metadata}</p> : null}
        {rows.map((row, index) => {
          const keyError = errors[`metadata.${index}.key`];
          const valueError = errors[`metadata.${index}.value`];
          return (
            <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
              <div>
                <label htmlFor={`metadata-key-${row.id}`} className="sr-only">
                  Metadata key {index + 1}
                </label>
                <input
                  id={`metadata-key-${row.id}`}
                  name="metadataKey[]"
                  placeholder="key"
                  value={row.key}
                  onChange={(event) => update(row.id, 'key', event.target.value)}
                  aria-invalid={keyError ? true : undefined}
                  aria-describedby={keyError ? `metadata-key-${row.id}-error` : undefined}
                  className={inputClass}
                />
                {keyError ? (
                  <p id={`metadata-key-${row.id}-error`} className="mt-1 text-sm text-red-700">
                    {keyError}
                  </p>
                ) : null}
              </div>
              <div>
                <label htmlFor={`metadata-value-${row.id}`} className="sr-only">
                  Metadata value {index + 1}
                </label>
                <input
                  id={`metadata-value-${row.id}`}
                  name="metadataValue[]"
                  placeholder="value"
                  value={row.value}
                  onChange={(event) => update(row.id, 'value', event.target.value)}
                  aria-invalid={valueError ? true : undefined}
                  aria-describedby={valueError ? `metadata-value-${row.id}-error` : undefined}
                  className={inputClass}
                />
                {valueError ? (
                  <p id={`metadata-value-${row.id}-error`} className="mt-1 text-sm text-red-700">
                    {valueError}
                  </p>
                ) : null}
              </div>
              <button
                type="button"
                onClick={() => setRows((current) => current.filter((other) => other.id !== row.id))}
                className="mt-1 rounded-md border border-slate-300 px-2 py-2 text-sm hover:bg-slate-100"
              >
                Remove<span className="sr-only"> metadata pair {index + 1}</span>
              </button>
            </div>
          );
        })}
        <button
          type="button"
          disabled={rows.length >= METADATA_MAX_PAIRS}
          onClick={() => setRows((current) => [...current, ...toRows([['', '']])])}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50"
        >
          Add metadata
        </button>
      </fieldset>

      <SubmitButton pendingLabel="Saving…">{props.mode.kind === 'create' ? 'Create customer' : 'Save changes'}</SubmitButton>
    </form>
  );
}
