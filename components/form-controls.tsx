'use client';
// Labelled inputs with their error text, the pending-aware submit button, and the form-level message.
import { useFormStatus } from 'react-dom';
import type { ActionResult } from '@/lib/actions/action-result';
import { SUPPORTED_CURRENCIES } from '@/lib/money';

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500 aria-[invalid=true]:border-red-600';

export function TextField(props: {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  error?: string;
  required?: boolean;
  autoComplete?: string;
  hint?: string;
  inputMode?: 'numeric' | 'email' | 'tel' | 'text';
}) {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <div className="text-sm font-medium text-slate-700">
        <label htmlFor={id}>{props.label}</label>
        {/* outside the label so the field's name stays exactly the label; `required` tells assistive tech */}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </div>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={props.defaultValue}
        required={props.required}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        className={inputClass}
      />
      {props.hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export { inputClass };

/** A currency code typed or picked from the ones Paydesk knows (lower case, as Stripe takes them). */
export function CurrencyField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <div>
      <label htmlFor="field-currency" className="text-sm font-medium text-slate-700">
        Currency
      </label>
      <input
        id="field-currency"
        name="currency"
        list="currency-codes"
        defaultValue={defaultValue ?? 'usd'}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'field-currency-error' : undefined}
        className={inputClass}
      />
      <datalist id="currency-codes">
        {SUPPORTED_CURRENCIES.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      {error ? (
        <p id="field-currency-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, pendingLabel }: { children: React.ReactNode; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="inline-flex items-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-wait disabled:opacity-60"
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

/** The form-level outcome: an alert for failures, a polite status for success. */
export function FormMessage({ state, successMessage }: { state: ActionResult<unknown> | null; successMessage?: string }) {
  if (!state) return null;
  if (state.ok) {
    return successMessage ? (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        {successMessage}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {state.message}
    </p>
  );
}

/** A string the user typed, echoed back by a failed action. */
export function echoed(state: ActionResult<unknown> | null, name: string): string | undefined {
  if (!state || state.ok) return undefined;
  const value = state.values?.[name];
  return typeof value === 'string' ? value : undefined;
}
