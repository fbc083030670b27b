// /quotes/[id]: one quote — Stripe's current status and lines, the actions its status allows, a summary to share,
// and what its acceptance created (invoice or subscription) once Stripe's webhooks confirm it.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable } from '@/components/data-table';
import { AwaitingWebhook } from '@/components/invoice-awaiting-webhook';
import { QuoteTransitionForm } from '@/components/quote-action-forms';
import { QuoteStatusBadge } from '@/components/quote-status-badge';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { INVOICE_STATUS_LABELS } from '@/lib/invoices/invoice-input';
import { formatMinorAmount } from '@/lib/money';
import { retrieveQuote, type QuoteDetail } from '@/lib/quotes/retrieve-quote';
import { canTransition } from '@/lib/quotes/quote-view';
import { acceptQuoteAction, cancelQuoteAction, finalizeQuoteAction } from './actions';

export const metadata = { title: 'Quote · Paydesk' };

const formatDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

function summaryOf(quote: QuoteDetail): string {
  const money = (minor: number) => formatMinorAmount(minor, quote.currency);
  return [
    `Quote ${quote.number ?? '(draft)'}`,
    quote.description ?? '',
    ...quote.lines.map((line) => `${line.quantity} × ${line.description}: ${money(line.amountTotal)}${line.interval ? ` per ${line.interval}` : ''}`),
    `Due on acceptance: ${money(quote.amountTotal)}`,
    quote.recurringTotal ? `Then ${money(quote.recurringTotal.amount)} per ${quote.recurringTotal.interval}` : '',
    `Valid until ${formatDate(quote.expiresAt)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

export default async function QuotePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const user = await requirePermission('quotes:view');
  const { id } = await params;
  if (!/^qt_[A-Za-z0-9_]+$/.test(id)) notFound();
  const quote = await retrieveQuote({ quoteId: id });
  if (!quote) notFound();
  const { created } = await searchParams;
  const money = (minor: number) => formatMinorAmount(minor, quote.currency);
  const mayManage = can(user.role, 'quotes:manage');
  const isAwaitingAcceptance = quote.status === 'accepted' && !quote.confirmed?.invoiceId && !quote.confirmed?.subscriptionId;

  return (
    <section aria-labelledby="page-title" className="space-y-8">
      <Link href="/quotes" className="text-sm text-indigo-700 underline">
        ← Quotes
      </Link>
      {created ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Draft quote created.
        </p>
      ) : null}
      <div className="space-y-1">
        <h1 id="page-title" className="text-2xl font-semibold">
          {quote.number ? `Quote ${quote.number}` : 'Draft quote'} · {money(quote.amountTotal)}
        </h1>
        <p aria-label="Quote status">
          <QuoteStatusBadge status={quote.status} confirmedStatus={quote.confirmed?.status ?? null} />
        </p>
      </div>

      <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">ID</dt>
        <dd className="font-mono">{quote.id}</dd>
        <dt className="text-slate-500">Customer</dt>
        <dd>{quote.customerId ? <Link href={`/customers/${quote.customerId}`} className="font-mono text-indigo-700 underline">{quote.customerId}</Link> : '—'}</dd>
        <dt className="text-slate-500">Due on acceptance</dt>
        <dd>{money(quote.amountTotal)}</dd>
        <dt className="text-slate-500">Recurring</dt>
        <dd>{quote.recurringTotal ? `${money(quote.recurringTotal.amount)} per ${quote.recurringTotal.interval}` : '—'}</dd>
        <dt className="text-slate-500">Expires</dt>
        <dd>{formatDate(quote.expiresAt)}</dd>
        <dt className="text-slate-500">Description</dt>
        <dd>{quote.description ?? '—'}</dd>
      </dl>

      <section aria-labelledby="section-lines" className="space-y-3">
        <h2 id="section-lines" className="text-lg font-medium">
          Lines
        </h2>
        <DataTable
          caption="Quote lines"
          rows={quote.lines}
          rowKey={(line) => line.id}
          columns={[
            { header: 'Description', cell: (line) => line.description },
            { header: 'Quantity', className: 'tabular-nums', cell: (line) => line.quantity },
            { header: 'Billing', cell: (line) => (line.interval ? `Every ${line.interval}` : 'One-time') },
            { header: 'Amount', className: 'tabular-nums', cell: (line) => money(line.amountTotal) },
          ]}
        />
      </section>

      <section aria-labelledby="section-outcome" className="space-y-3">
        <h2 id="section-outcome" className="text-lg font-medium">
          What acceptance created
        </h2>
        <AwaitingWebhook isWaiting={isAwaitingAcceptance || (Boolean(quote.confirmed?.invoiceId) && !quote.invoice)} message="Accepted; waiting for Stripe to confirm what it created…" />
        {quote.confirmed?.invoiceId ? (
          <p className="text-sm">
            <Link href={`/invoices/${quote.confirmed.invoiceId}`} className="text-indigo-700 underline">
              Invoice {quote.invoice?.number ?? quote.confirmed.invoiceId}
            </Link>
            {quote.invoice ? ` · ${INVOICE_STATUS_LABELS[quote.invoice.status] ?? quote.invoice.status} · ${money(quote.invoice.amountRemaining)} remaining` : ''}
          </p>
        ) : null}
        {quote.confirmed?.subscriptionId ? <p className="text-sm">Subscription <span className="font-mono">{quote.confirmed.subscriptionId}</span></p> : null}
        {quote.status !== 'accepted' ? <p className="text-sm text-slate-600">Nothing yet: a quote creates its invoice (or subscription) when it is accepted.</p> : null}
      </section>

      {mayManage ? (
        <section aria-labelledby="section-actions" className="flex flex-wrap gap-6">
          <h2 id="section-actions" className="sr-only">
            Actions
          </h2>
          {canTransition('finalize', quote.status) ? (
            <QuoteTransitionForm action={finalizeQuoteAction} quoteId={quote.id} idempotencyNonce={randomUUID()} label="Finalize quote" pendingLabel="Finalizing…" successMessage="Quote finalized." hint="Gives it a number; its lines can no longer change." />
          ) : null}
          {canTransition('accept', quote.status) ? (
            <QuoteTransitionForm action={acceptQuoteAction} quoteId={quote.id} idempotencyNonce={randomUUID()} label="Accept quote" pendingLabel="Accepting…" successMessage="Quote accepted." hint="On the customer's behalf: Stripe creates the invoice (or subscription)." />
          ) : null}
          {canTransition('cancel', quote.status) ? (
            <QuoteTransitionForm action={cancelQuoteAction} quoteId={quote.id} idempotencyNonce={randomUUID()} label="Cancel quote" pendingLabel="Canceling…" successMessage="Quote canceled." />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="section-share" className="space-y-2">
        <h2 id="section-share" className="text-lg font-medium">
          Share
        </h2>
        <p className="text-sm text-slate-600">Stripe&apos;s quote PDF is not available from the local Stripe sandbox; copy this summary to send it.</p>
        <pre aria-label="Quote summary" className="max-w-2xl whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-3 text-sm">
          {summaryOf(quote)}
        </pre>
      </section>
    </section>
  );
}
