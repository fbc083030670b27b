// The Payments list's filter form (a plain GET form, so a filter is a URL to bookmark or save) and its status chips.
import Link from 'next/link';
import { PAYMENT_STATUSES, STATUS_LABELS, toPaymentListQuery, type PaymentListParams } from '@/lib/payments/list-payments-filter';
import { inputClass } from './form-controls';

function Field(props: { name: keyof PaymentListParams; label: string; params: PaymentListParams; errors: Record<string, string>; type?: string; placeholder?: string; inputMode?: 'decimal' }) {
  const id = `filter-${props.name}`;
  const error = props.errors[props.name];
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={props.params[props.name] ?? ''}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
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
}

export function PaymentsStatusChips({ params }: { params: PaymentListParams }) {
  const chips: { label: string; status?: string }[] = [{ label: 'All' }, ...PAYMENT_STATUSES.map((status) => ({ label: STATUS_LABELS[status], status }))];
  return (
    <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
      {chips.map((chip) => {
        const isCurrent = (params.status ?? undefined) === chip.status;
        const query = toPaymentListQuery({ ...params, status: chip.status });
        return (
          <Link
            key={chip.label}
            href={`/payments${query ? `?${query}` : ''}`}
            aria-current={isCurrent ? 'page' : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${isCurrent ? 'border-indigo-600 bg-indigo-600 text-white' : 'border-slate-300 bg-white hover:border-indigo-400'}`}
          >
            {chip.label}
          </Link>
        );
      })}
    </nav>
  );
}

export function PaymentsFilters({ params, errors }: { params: PaymentListParams; errors: Record<string, string> }) {
  return (
    <form role="search" aria-label="Filter payments" action="/payments" className="grid gap-3 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
      <Field name="q" label="Search" params={params} errors={errors} type="search" placeholder="id, description or metadata" />
      <Field name="customer" label="Customer" params={params} errors={errors} placeholder="cus_…, email or name" />
      <div>
        <label htmlFor="filter-status" className="block text-sm font-medium text-slate-700">
          Status
        </label>
        <select id="filter-status" name="status" defaultValue={params.status ?? ''} className={inputClass}>
          <option value="">Any status</option>
          {PAYMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <Field name="currency" label="Currency" params={params} errors={errors} placeholder="e.g. usd" />
      <Field name="from" label="Created from" params={params} errors={errors} type="date" />
      <Field name="to" label="Created to" params={params} errors={errors} type="date" />
      <Field name="min" label="Amount from" params={params} errors={errors} inputMode="decimal" placeholder="e.g. 10.00" />
      <Field name="max" label="Amount to" params={params} errors={errors} inputMode="decimal" placeholder="e.g. 250" />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
          Apply filters
        </button>
        <Link href="/payments" className="px-2 py-2 text-sm text-indigo-700 underline">
          Clear filters
        </Link>
        <p className="text-xs text-slate-500">Dates are UTC days; amounts are in the chosen currency.</p>
      </div>
    </form>
  );
}
