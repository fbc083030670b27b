// /quotes: quotes as Stripe's webhooks confirmed them, newest first, filtered by status.
import Link from 'next/link';
import { DataTable } from '@/components/data-table';
import { ListFilterForm } from '@/components/list-filter-form';
import { Pager } from '@/components/pager';
import { QuoteStatusBadge } from '@/components/quote-status-badge';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { db } from '@/lib/db/client';
import { formatMinorAmount } from '@/lib/money';
import { listQuotes, quoteListFilterSchema } from '@/lib/quotes/list-quotes';
import { QUOTE_STATUS_LABELS } from '@/lib/quotes/quote-view';

export const metadata = { title: 'Quotes · Paydesk' };

const formatDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

export default async function QuotesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('quotes:view');
  const filter = quoteListFilterSchema.parse(await searchParams);
  const page = await listQuotes(filter, db);
  const query = new URLSearchParams(filter.status ? { status: filter.status } : {});

  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <h1 id="page-title" className="text-2xl font-semibold">
          Quotes
        </h1>
        <Link href="/invoices" className="ml-auto text-sm text-indigo-700 underline">
          Invoices
        </Link>
        {can(user.role, 'quotes:manage') ? (
          <Link href="/quotes/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white">
            New quote
          </Link>
        ) : null}
      </div>
      <ListFilterForm label="Filter quotes" selects={[{ name: 'status', label: 'Status', anyLabel: 'Any status', options: QUOTE_STATUS_LABELS, selected: filter.status }]} />
      {page.quotes.length === 0 ? (
        <p className="text-slate-600">{filter.status ? 'No quote matches this filter.' : 'No quotes yet. Stripe tells us about new ones as they are created.'}</p>
      ) : (
        <DataTable
          caption="Quotes, newest first"
          rows={page.quotes}
          rowKey={(quote) => quote.id}
          columns={[
            {
              header: 'Quote',
              cell: (quote) => (
                <Link href={`/quotes/${quote.id}`} className="font-medium text-indigo-700 underline">
                  {quote.number ?? 'Draft'}
                </Link>
              ),
            },
            { header: 'Status', cell: (quote) => <QuoteStatusBadge status={quote.status} /> },
            { header: 'Amount', className: 'whitespace-nowrap tabular-nums', cell: (quote) => (quote.currency ? formatMinorAmount(quote.amountTotal, quote.currency) : '—') },
            { header: 'Customer', cell: (quote) => (quote.customer ? <Link href={`/customers/${quote.customer.id}`} className="text-indigo-700 underline">{quote.customer.label}</Link> : '—') },
            { header: 'Expires', cell: (quote) => (quote.expiresAt ? formatDate(quote.expiresAt) : '—') },
            {
              header: 'Acceptance created',
              cell: (quote) =>
                quote.invoiceId ? (
                  <Link href={`/invoices/${quote.invoiceId}`} className="text-indigo-700 underline">
                    Invoice
                  </Link>
                ) : quote.subscriptionId ? (
                  <span className="font-mono text-xs">{quote.subscriptionId}</span>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      <Pager newer={filter.after ? { href: `/quotes?${query.toString()}`, label: 'Newest' } : null} older={page.nextCursor ? `/quotes?${new URLSearchParams([...query, ['after', page.nextCursor]]).toString()}` : null} />
    </section>
  );
}
