// /invoices/[id]: one invoice — lines, what is due, paid and remaining, its credit notes — with finalize, pay,
// "New credit note" and void as its status and the user's role allow.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CreditNoteVoidForm } from '@/components/credit-note-void-form';
import { DataTable } from '@/components/data-table';
import { FinalizeInvoiceForm, PayInvoiceForm } from '@/components/invoice-action-forms';
import { AwaitingWebhook } from '@/components/invoice-awaiting-webhook';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_STATUS_LABELS } from '@/lib/credit-notes/credit-note-input';
import { INVOICE_STATUS_LABELS } from '@/lib/invoices/invoice-input';
import { retrieveInvoice, type InvoiceCreditNoteView } from '@/lib/invoices/retrieve-invoice';
import { formatMinorAmount } from '@/lib/money';
import { listSavedCards } from '@/lib/payments/list-saved-cards';
import { finalizeInvoiceAction, payInvoiceAction, voidCreditNoteAction } from './actions';

export const metadata = { title: 'Invoice · Paydesk' };

const formatDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

function destinationOf(note: InvoiceCreditNoteView, money: (minor: number) => string): string {
  const parts = [
    note.total - note.refundAmount - note.creditAmount - note.outOfBandAmount > 0 ? `${money(note.total - note.refundAmount - note.creditAmount - note.outOfBandAmount)} off what was due` : null,
    note.refundAmount ? `${money(note.refundAmount)} refunded` : null,
    note.creditAmount ? `${money(note.creditAmount)} to the customer's balance` : null,
    note.outOfBandAmount ? `${money(note.outOfBandAmount)} outside Stripe` : null,
  ];
  return parts.filter(Boolean).join(', ') || '—';
}

export default async function InvoicePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ creditNote?: string }> }) {
  const user = await requirePermission('invoices:view');
  const { id } = await params;
  if (!/^in_[A-Za-z0-9_]+$/.test(id)) notFound();
  const invoice = await retrieveInvoice({ invoiceId: id });
  if (!invoice) notFound();
  const { creditNote } = await searchParams;
  const money = (minor: number) => formatMinorAmount(minor, invoice.currency);
  const mayManage = can(user.role, 'invoices:manage');
  const isPayable = invoice.status === 'open' || invoice.status === 'uncollectible';
  const cards = mayManage && isPayable && invoice.customerId ? await listSavedCards({ customerId: invoice.customerId }) : [];
  const mayCredit = can(user.role, 'credit-notes:create') && (invoice.status === 'open' || invoice.status === 'paid') && invoice.creditable > 0;
  const mayVoid = can(user.role, 'credit-notes:void');

  return (
    <section aria-labelledby="page-title" className="space-y-8">
      {invoice.quoteId ? (
        <Link href={`/quotes/${invoice.quoteId}`} className="text-sm text-indigo-700 underline">
          ← Its quote
        </Link>
      ) : null}
      {creditNote ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Credit note {creditNote} created.
        </p>
      ) : null}
      <div className="space-y-1">
        <h1 id="page-title" className="text-2xl font-semibold">
          {invoice.number ? `Invoice ${invoice.number}` : 'Draft invoice'} · {money(invoice.total)}
        </h1>
        <p aria-label="Invoice status" className="text-sm">
          <span className="rounded bg-slate-100 px-2 py-0.5 font-medium">{INVOICE_STATUS_LABELS[invoice.status] ?? invoice.status}</span>
        </p>
      </div>
      <AwaitingWebhook isWaiting={invoice.confirmedStatus !== invoice.status} message="Waiting for Stripe's webhook to confirm this invoice's latest state…" />

      <dl aria-label="Amounts" className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">ID</dt>
        <dd className="font-mono">{invoice.id}</dd>
        <dt className="text-slate-500">Customer</dt>
        <dd>{invoice.customerId ? <Link href={`/customers/${invoice.customerId}`} className="font-mono text-indigo-700 underline">{invoice.customerId}</Link> : '—'}</dd>
        <dt className="text-slate-500">Total</dt>
        <dd>{money(invoice.total)}</dd>
        <dt className="text-slate-500">Amount due</dt>
        <dd>{money(invoice.amountDue)}</dd>
        <dt className="text-slate-500">Amount paid</dt>
        <dd>{money(invoice.amountPaid)}</dd>
        <dt className="text-slate-500">Amount remaining</dt>
        <dd>{money(invoice.amountRemaining)}</dd>
        <dt className="text-slate-500">Credited before payment</dt>
        <dd>{money(invoice.prePaymentCredited)}</dd>
        <dt className="text-slate-500">Credited after payment</dt>
        <dd>{money(invoice.postPaymentCredited)}</dd>
        <dt className="text-slate-500">Still creditable</dt>
        <dd>{money(invoice.creditable)}</dd>
        <dt className="text-slate-500">Subscription</dt>
        <dd className="font-mono">{invoice.subscriptionId ?? '—'}</dd>
        <dt className="text-slate-500">Created</dt>
        <dd>{formatDate(invoice.created)}</dd>
      </dl>

      <section aria-labelledby="section-lines" className="space-y-3">
        <h2 id="section-lines" className="text-lg font-medium">
          Lines
        </h2>
        <DataTable
          caption="Invoice lines"
          rows={invoice.lines}
          rowKey={(line) => line.id}
          columns={[
            { header: 'Description', cell: (line) => line.description },
            { header: 'Quantity', className: 'tabular-nums', cell: (line) => line.quantity },
            { header: 'Amount', className: 'tabular-nums', cell: (line) => money(line.amount) },
          ]}
        />
      </section>

      {mayManage && (invoice.status === 'draft' || isPayable) ? (
        <section aria-labelledby="section-actions" className="space-y-3">
          <h2 id="section-actions" className="text-lg font-medium">
            Actions
          </h2>
          {invoice.status === 'draft' ? <FinalizeInvoiceForm action={finalizeInvoiceAction} invoiceId={invoice.id} idempotencyNonce={randomUUID()} /> : null}
          {isPayable ? <PayInvoiceForm action={payInvoiceAction} invoiceId={invoice.id} idempotencyNonce={randomUUID()} cards={cards} /> : null}
        </section>
      ) : null}

      <section aria-labelledby="section-credit-notes" className="space-y-3">
        <div className="flex items-center gap-4">
          <h2 id="section-credit-notes" className="text-lg font-medium">
            Credit notes
          </h2>
          {mayCredit ? (
            <Link href={`/credit-notes/new?invoice=${invoice.id}`} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white">
              New credit note
            </Link>
          ) : null}
        </div>
        {invoice.creditNotes.length === 0 ? (
          <p className="text-sm text-slate-600">{invoice.status === 'draft' ? 'A draft invoice takes no credit notes; finalize it first.' : 'None.'}</p>
        ) : (
          <DataTable
            caption="Credit notes on this invoice"
            rows={invoice.creditNotes}
            rowKey={(note) => note.id}
            columns={[
              { header: 'Number', className: 'font-mono text-xs', cell: (note) => note.number },
              { header: 'Total', className: 'tabular-nums', cell: (note) => money(note.total) },
              { header: 'Status', cell: (note) => CREDIT_NOTE_STATUS_LABELS[note.status] ?? note.status },
              { header: 'Where it went', cell: (note) => destinationOf(note, money) },
              { header: 'Reason', cell: (note) => (note.reason ? (CREDIT_NOTE_REASON_LABELS[note.reason] ?? note.reason) : '—') },
              { header: 'Memo', cell: (note) => note.memo ?? '—' },
              {
                header: 'Void',
                cell: (note) =>
                  mayVoid && note.status === 'issued' && note.refundAmount === 0 ? (
                    <CreditNoteVoidForm action={voidCreditNoteAction} creditNoteId={note.id} number={note.number} idempotencyNonce={randomUUID()} />
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </section>
    </section>
  );
}
