// /invoices: invoices as Stripe's webhooks confirmed them, newest first, filtered by status.
import Link from 'next/link';
import { DataTable } from '@/components/data-table';
import { ListFilterForm } from '@/components/list-filter-form';
import { Pager } from '@/components/pager';
import { requirePermission } from '@/lib/auth/require-role';
import { db } from '@/lib/db/client';
import { INVOICE_STATUS_LABELS } from '@/lib/invoices/invoice-input';
import { invoiceListFilterSchema, listInvoices } from '@/lib/invoices/list-invoices';
import { formatMinorAmount } from '@/lib/money';

export const metadata = { title: 'Invoices · Paydesk' };

const formatDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('invoices:view');
  const filter = invoiceListFilterSchema.parse(await searchParams);
  const page = await listInvoices(filter, db);
  const query = new URLSearchParams(filter.status ? { status: filter.status } : {});

  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Invoices
      </h1>
      <ListFilterForm label="Filter invoices" selects={[{ name: 'status', label: 'Status', anyLabel: 'Any status', options: INVOICE_STATUS_LABELS, selected: filter.status }]} />
      {page.invoices.length === 0 ? (
        <p className="text-slate-600">{filter.status ? 'No invoice matches this filter.' : 'No invoices yet. Accepting a quote creates one.'}</p>
      ) : (
        <DataTable
          caption="Invoices, newest first"
          rows={page.invoices}
          rowKey={(invoice) => invoice.id}
          columns={[
            {
              header: 'Invoice',
              cell: (invoice) => (
                <Link href={`/invoices/${invoice.id}`} className="font-medium text-indigo-700 underline">
                  {invoice.number ?? 'Draft'}
                </Link>
              ),
            },
            { header: 'Status', cell: (invoice) => INVOICE_STATUS_LABELS[invoice.status] ?? invoice.status },
            { header: 'Total', className: 'whitespace-nowrap tabular-nums', cell: (invoice) => formatMinorAmount(invoice.total, invoice.currency) },
            { header: 'Remaining', className: 'whitespace-nowrap tabular-nums', cell: (invoice) => formatMinorAmount(invoice.amountRemaining, invoice.currency) },
            { header: 'Customer', cell: (invoice) => (invoice.customer ? <Link href={`/customers/${invoice.customer.id}`} className="text-indigo-700 underline">{invoice.customer.label}</Link> : '—') },
            { header: 'Quote', cell: (invoice) => (invoice.quoteId ? <Link href={`/quotes/${invoice.quoteId}`} className="text-indigo-700 underline">Quote</Link> : '—') },
            { header: 'Created', cell: (invoice) => formatDate(invoice.created) },
          ]}
        />
      )}
      <Pager newer={filter.after ? { href: `/invoices?${query.toString()}`, label: 'Newest' } : null} older={page.nextCursor ? `/invoices?${new URLSearchParams([...query, ['after', page.nextCursor]]).toString()}` : null} />
    </section>
  );
}
