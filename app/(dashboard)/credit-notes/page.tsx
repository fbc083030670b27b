// /credit-notes: credit notes as Stripe's webhooks confirmed them, newest first, filtered by status. New ones start
// from a finalized invoice's page; voiding is there too.
import Link from 'next/link';
import { DataTable } from '@/components/data-table';
import { ListFilterForm } from '@/components/list-filter-form';
import { Pager } from '@/components/pager';
import { requirePermission } from '@/lib/auth/require-role';
import { CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_STATUS_LABELS } from '@/lib/credit-notes/credit-note-input';
import { creditNoteListFilterSchema, listCreditNotes } from '@/lib/credit-notes/list-credit-notes';
import { db } from '@/lib/db/client';
import { formatMinorAmount } from '@/lib/money';

export const metadata = { title: 'Credit notes · Paydesk' };

const TYPE_LABELS: Record<string, string> = { pre_payment: 'Before payment', post_payment: 'After payment', mixed: 'Both' };
const formatDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

export default async function CreditNotesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('credit-notes:view');
  const filter = creditNoteListFilterSchema.parse(await searchParams);
  const page = await listCreditNotes(filter, db);
  const query = new URLSearchParams(filter.status ? { status: filter.status } : {});

  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Credit notes
      </h1>
      <p className="text-sm text-slate-600">
        To issue one, open a finalized invoice from the{' '}
        <Link href="/invoices" className="text-indigo-700 underline">
          invoices
        </Link>{' '}
        and choose New credit note.
      </p>
      <ListFilterForm label="Filter credit notes" selects={[{ name: 'status', label: 'Status', anyLabel: 'Any status', options: CREDIT_NOTE_STATUS_LABELS, selected: filter.status }]} />
      {page.creditNotes.length === 0 ? (
        <p className="text-slate-600">{filter.status ? 'No credit note matches this filter.' : 'No credit notes yet.'}</p>
      ) : (
        <DataTable
          caption="Credit notes, newest first"
          rows={page.creditNotes}
          rowKey={(note) => note.id}
          columns={[
            { header: 'Number', className: 'font-mono text-xs', cell: (note) => note.number },
            { header: 'Total', className: 'whitespace-nowrap tabular-nums', cell: (note) => formatMinorAmount(note.total, note.currency) },
            { header: 'Status', cell: (note) => CREDIT_NOTE_STATUS_LABELS[note.status] ?? note.status },
            { header: 'Type', cell: (note) => TYPE_LABELS[note.type] ?? note.type },
            { header: 'Reason', cell: (note) => (note.reason ? (CREDIT_NOTE_REASON_LABELS[note.reason] ?? note.reason) : '—') },
            { header: 'Customer', cell: (note) => (note.customer ? <Link href={`/customers/${note.customer.id}`} className="text-indigo-700 underline">{note.customer.label}</Link> : '—') },
            {
              header: 'Invoice',
              cell: (note) => (
                <Link href={`/invoices/${note.invoiceId}`} className="font-mono text-xs text-indigo-700 underline">
                  {note.invoiceId}
                </Link>
              ),
            },
            { header: 'Created', cell: (note) => formatDate(note.created) },
          ]}
        />
      )}
      <Pager newer={filter.after ? { href: `/credit-notes?${query.toString()}`, label: 'Newest' } : null} older={page.nextCursor ? `/credit-notes?${new URLSearchParams([...query, ['after', page.nextCursor]]).toString()}` : null} />
    </section>
  );
}
