// Voids an issued credit note (Stripe restores the invoice's amounts and the customer's balance), once per form.
import 'server-only';
import type Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { stripe as defaultStripe } from '@/lib/stripe/client';

export interface VoidCreditNoteOptions {
  creditNoteId: string;
  idempotencyNonce: string;
  actor: SessionUser;
}

export async function voidCreditNote(options: VoidCreditNoteOptions, dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry'> } = {}): Promise<{ id: string; status: string; invoiceId: string }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'void-credit-note';
  const idempotencyKey = submissionIdempotencyKey({ action, objectId: options.creditNoteId, actor: options.actor, nonce: options.idempotencyNonce });
  if (!(await isReplayedSubmission(action, idempotencyKey, db))) {
    const current = await stripe.creditNotes.retrieve(options.creditNoteId);
    if (current.status === 'void') throw new ActionError('conflict', 'This credit note is already void. Nothing was changed.');
    // Money that went back to the card cannot be taken back by voiding the note.
    if (current.refunds.length > 0) throw new ActionError('conflict', "This credit note refunded the payment, so it can't be voided. Nothing was changed.");
  }
  const note = await stripe.creditNotes.voidCreditNote(options.creditNoteId, {}, { idempotencyKey });
  await recordAuditEntry(
    { actor: options.actor, action, objectId: note.id, amount: note.total, currency: note.currency, stripeRequestId: note.lastResponse.requestId, idempotencyKey, detail: { number: note.number } },
    db,
  );
  return { id: note.id, status: note.status, invoiceId: typeof note.invoice === 'string' ? note.invoice : note.invoice.id };
}
