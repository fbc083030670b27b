// Issues a credit note on an open or paid invoice, once per submitted form, within what is still creditable.
import 'server-only';
import type Stripe from 'stripe';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { ActionError } from '@/lib/actions/action-error';
import { isLostAnswerSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { buildCreditNoteRequest, retrieveInvoiceWithLines, toCreditNoteActionError, type CreditNoteRequest, type CreditNoteRequestInput } from './credit-note-request';

export type CreateCreditNoteOptions = CreditNoteRequestInput & { idempotencyNonce: string; actor: SessionUser };

export interface CreatedCreditNote {
  id: string;
  number: string;
  total: number;
  currency: string;
}

const view = (note: Stripe.CreditNote): CreatedCreditNote => ({ id: note.id, number: note.number, total: note.total, currency: note.currency });

export async function createCreditNote(options: CreateCreditNoteOptions, dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry'> } = {}): Promise<CreatedCreditNote> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'create-credit-note';
  const idempotencyKey = submissionIdempotencyKey({ action, objectId: options.invoiceId, actor: options.actor, nonce: options.idempotencyNonce });
  // A replay answers with the note the first submission made: the invoice has changed since, so the split would too.
  const replayed = await db.auditEntry.findUnique({ where: { action_idempotencyKey: { action, idempotencyKey } }, select: { objectId: true } });
  if (replayed?.objectId) return view(await stripe.creditNotes.retrieve(replayed.objectId));

  const { invoice, lines } = await retrieveInvoiceWithLines(options.invoiceId, stripe);
  let request: CreditNoteRequest;
  try {
    request = buildCreditNoteRequest(options, invoice, lines);
  } catch (refusal) {
    // Unless it was this very form, sent before, whose answer was lost (its own note is why too little is left): then
    // the same request makes Stripe replay that note.
    const isLostAnswer = refusal instanceof ActionError && (await isLostAnswerSubmission(stripe, { idempotencyKey, types: ['credit_note.created'], since: invoice.created }));
    if (!isLostAnswer) throw refusal;
    request = buildCreditNoteRequest(options, invoice, lines, { checkLimit: false });
  }
  const note = await stripe.creditNotes.create(request.params, { idempotencyKey }).catch((error: unknown) => Promise.reject(toCreditNoteActionError(error)));
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: note.id,
      amount: note.total,
      currency: note.currency,
      stripeRequestId: note.lastResponse.requestId,
      idempotencyKey,
      detail: {
        invoice: options.invoiceId,
        reason: note.reason,
        prePayment: note.pre_payment_amount,
        postPayment: note.post_payment_amount,
        destination: note.post_payment_amount > 0 ? options.postPayment : null,
      },
    },
    db,
  );
  return view(note);
}
