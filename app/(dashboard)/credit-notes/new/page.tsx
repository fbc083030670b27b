// /credit-notes/new?invoice=in_…: the credit-note form for one finalized invoice, with a fresh nonce per render.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CreditNoteForm } from '@/components/credit-note-form';
import { requirePermission } from '@/lib/auth/require-role';
import { retrieveInvoice } from '@/lib/invoices/retrieve-invoice';
import { createCreditNoteAction, previewCreditNoteAction } from './actions';

export const metadata = { title: 'New credit note · Paydesk' };

export default async function NewCreditNotePage({ searchParams }: { searchParams: Promise<{ invoice?: string }> }) {
  await requirePermission('credit-notes:create');
  const { invoice: invoiceId } = await searchParams;
  if (!invoiceId || !/^in_[A-Za-z0-9_]+$/.test(invoiceId)) notFound();
  const invoice = await retrieveInvoice({ invoiceId });
  if (!invoice) notFound();
  const isCreditable = (invoice.status === 'open' || invoice.status === 'paid') && invoice.creditable > 0;
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <Link href={`/invoices/${invoice.id}`} className="text-sm text-indigo-700 underline">
        ← Invoice {invoice.number ?? invoice.id}
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        New credit note
      </h1>
      {isCreditable ? (
        <CreditNoteForm invoice={invoice} previewAction={previewCreditNoteAction} createAction={createCreditNoteAction} idempotencyNonce={randomUUID()} />
      ) : (
        <p role="alert" className="text-sm text-slate-700">
          {invoice.status === 'draft' ? 'This invoice is still a draft: finalize it before crediting it.' : 'Nothing more can be credited on this invoice.'}
        </p>
      )}
    </section>
  );
}
