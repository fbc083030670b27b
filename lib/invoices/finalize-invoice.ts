// Finalizes a draft invoice (draft → open, numbered, payable), once per submitted form.
import 'server-only';
import type Stripe from 'stripe';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { isLostAnswerSubmission, isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { invoiceWrongState } from './invoice-errors';

export interface FinalizeInvoiceOptions {
  invoiceId: string;
  idempotencyNonce: string;
  actor: SessionUser;
}

export async function finalizeInvoice(options: FinalizeInvoiceOptions, dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry'> } = {}): Promise<{ id: string; status: string }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'finalize-invoice';
  const idempotencyKey = submissionIdempotencyKey({ action, objectId: options.invoiceId, actor: options.actor, nonce: options.idempotencyNonce });
  if (!(await isReplayedSubmission(action, idempotencyKey, db))) {
    const current = await stripe.invoices.retrieve(options.invoiceId);
    // Unless it was this very form, sent before, whose answer was lost: then Stripe replays that finalization.
    if (current.status !== 'draft' && !(await isLostAnswerSubmission(stripe, { idempotencyKey, types: ['invoice.finalized'], since: current.created }))) {
      throw invoiceWrongState('finalized', current.status ?? 'draft');
    }
  }
  const invoice = await stripe.invoices.finalizeInvoice(options.invoiceId, {}, { idempotencyKey });
  await recordAuditEntry(
    { actor: options.actor, action, objectId: invoice.id, amount: invoice.amount_due, currency: invoice.currency, stripeRequestId: invoice.lastResponse.requestId, idempotencyKey, detail: { number: invoice.number } },
    db,
  );
  return { id: invoice.id, status: invoice.status ?? 'open' };
}
