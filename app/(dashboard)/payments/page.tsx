// /payments: the merchant's payments from the local projection, newest first; filters, search, saved views, CSV export.
import Link from 'next/link';
import { DataTable } from '@/components/data-table';
import { Pager } from '@/components/pager';
import { PaymentsExport } from '@/components/payments-export';
import { PaymentsFilters, PaymentsStatusChips } from '@/components/payments-filters';
import { PaymentsSavedViews } from '@/components/payments-saved-views';
import { PaymentsStatusBadge } from '@/components/payments-status-badge';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { db } from '@/lib/db/client';
import { formatMinorAmount } from '@/lib/money';
import { listPayments } from '@/lib/payments/list-payments';
import { parsePaymentListSearch, toPaymentListQuery } from '@/lib/payments/list-payments-filter';
import { listSavedViews } from '@/lib/payments/saved-views';
import { deletePaymentViewAction, savePaymentViewAction } from './views/actions';

export const metadata = { title: 'Payments · Paydesk' };

type Search = Record<string, string | string[] | undefined>;

const cursorSchema = /^pi_[A-Za-z0-9]+$/;
const cursorOf = (value: string | string[] | undefined) => (typeof value === 'string' && cursorSchema.test(value) ? value : undefined);

function pageHref(query: string, cursor: { after?: string; before?: string }): string {
  const params = new URLSearchParams(query);
  if (cursor.after) params.set('after', cursor.after);
  if (cursor.before) params.set('before', cursor.before);
  return `/payments?${params.toString()}`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('payments:view');
  if (!can(user.role, 'payments:view-merchant')) {
    return (
      <section aria-labelledby="page-title" className="space-y-2">
        <h1 id="page-title" className="text-2xl font-semibold">
          Payments
        </h1>
        <p className="text-slate-600">Payments taken through your connected account will be listed here.</p>
      </section>
    );
  }
  const search = await searchParams;
  const { filter, params, fieldErrors } = parsePaymentListSearch(search);
  const query = toPaymentListQuery(params);
  const hasFilter = query !== '';
  const [page, views] = await Promise.all([
    listPayments({ filter, after: cursorOf(search.after), before: cursorOf(search.before) }, db),
    listSavedViews({ userId: user.id }, db),
  ]);

  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="page-title" className="text-2xl font-semibold">
          Payments
        </h1>
        {can(user.role, 'payments:create') ? (
          <Link href="/payments/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
            New payment
          </Link>
        ) : null}
      </div>

      <PaymentsStatusChips params={params} />
      <PaymentsFilters params={params} errors={fieldErrors} />
      <PaymentsSavedViews views={views} currentQuery={query} saveAction={savePaymentViewAction} deleteAction={deletePaymentViewAction} />
      <PaymentsExport query={query} />

      {page.payments.length === 0 ? (
        <p className="text-slate-600">{hasFilter ? 'No payment matches this filter.' : 'No payments yet.'}</p>
      ) : (
        <DataTable
          caption="Payments, newest first"
          rows={page.payments}
          rowKey={(payment) => payment.id}
          columns={[
            {
              header: 'Amount',
              className: 'whitespace-nowrap tabular-nums',
              cell: (payment) => (
                <Link href={`/payments/${payment.id}`} className="font-medium text-indigo-700 underline">
                  {formatMinorAmount(payment.amount, payment.currency)}
                </Link>
              ),
            },
            {
              header: 'Status',
              cell: (payment) => (
                <PaymentsStatusBadge status={payment.status} amountReceived={payment.amountReceived} amountRefunded={payment.amountRefunded} isDisputed={payment.isDisputed} />
              ),
            },
            { header: 'Description', cell: (payment) => payment.description ?? '—' },
            {
              header: 'Customer',
              cell: (payment) =>
                payment.customer ? (
                  <Link href={`/customers/${payment.customer.id}`} className="text-indigo-700 underline">
                    {payment.customer.email ?? payment.customer.name ?? payment.customer.id}
                  </Link>
                ) : (
                  '—'
                ),
            },
            { header: 'Created (UTC)', className: 'whitespace-nowrap', cell: (payment) => dateTime.format(new Date(payment.created * 1000)) },
            {
              header: 'ID',
              className: 'font-mono text-xs',
              cell: (payment) => (
                <>
                  {payment.id}
                  {payment.isAwaitingWebhook ? (
                    <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 font-sans text-amber-800" title="Shown from Stripe's answer; Stripe's webhook has not confirmed it yet">
                      confirming
                    </span>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}

      <Pager
        newer={page.previousCursor ? { href: pageHref(query, { before: page.previousCursor }), label: 'Newer' } : null}
        older={page.nextCursor ? pageHref(query, { after: page.nextCursor }) : null}
      />
    </section>
  );
}
