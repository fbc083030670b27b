// Quote stories: a quote created, finalized and accepted, its invoice finalized and paid with the customer's saved
// card, then credited twice (a partial refund, then the remainder to the customer's balance) and an over-credit
// refused; or a quote cancelled, as a draft or once open.
import { ActionError } from '@/lib/actions/action-error';
import { createCreditNote, type CreateCreditNoteOptions } from '@/lib/credit-notes/create-credit-note';
import { finalizeInvoice } from '@/lib/invoices/finalize-invoice';
import { payInvoice } from '@/lib/invoices/pay-invoice';
import { acceptQuote } from '@/lib/quotes/accept-quote';
import { cancelQuote } from '@/lib/quotes/cancel-quote';
import { createQuote } from '@/lib/quotes/create-quote';
import { finalizeQuote } from '@/lib/quotes/finalize-quote';
import { submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { randomUUID } from 'node:crypto';
import { customerWithCard } from './payment-story';
import { sleep, type StoryContext } from './story-context';

const major = (minor: number) => (minor / 100).toFixed(2);

async function draftQuote(context: StoryContext, index: number, customerId: string): Promise<{ quoteId: string; total: number }> {
  const { stripe, db, actor } = context;
  const unitAmount = 4000 + index;
  const quote = await context.submit(
    'create-quote',
    (nonce) =>
      createQuote(
        {
          customerId,
          currency: 'usd',
          expiresInDays: 30,
          description: `Chaos quote ${index}`,
          lines: [{ row: 0, kind: 'inline', productName: `Chaos service ${index}`, unitAmount, interval: 'one_time', quantity: 2 }],
          idempotencyNonce: nonce,
          actor,
        },
        { stripe, db },
      ),
    { objectId: customerId },
  );
  return { quoteId: quote.id, total: 2 * unitAmount };
}

const creditForm = (invoiceId: string, amount: string, postPayment: 'refund' | 'credit'): Omit<CreateCreditNoteOptions, 'idempotencyNonce' | 'actor'> => ({
  invoiceId,
  mode: 'amount',
  lines: [],
  amount,
  reason: 'order_change',
  memo: undefined,
  postPayment,
});

/**
 * An over-credit must be refused in words and change nothing: no credit note, no audit entry, the invoice as it was.
 * Faults on the way are retried, as the user would; only the refusal ends it.
 */
async function refusedOverCredit(context: StoryContext, invoiceId: string): Promise<void> {
  const { stripe, db, actor } = context;
  const before = await context.setup(() => stripe.invoices.retrieve(invoiceId));
  const notesBefore = (await context.setup(() => stripe.creditNotes.list({ invoice: invoiceId, limit: 100 }))).data.length;
  const nonce = randomUUID();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await createCreditNote({ ...creditForm(invoiceId, '1.00', 'refund'), idempotencyNonce: nonce, actor }, { stripe, db });
      context.ledger.refusalDifferences.push(`${invoiceId}: a credit note above what is creditable was issued`);
      return;
    } catch (error) {
      if (error instanceof ActionError) break;
      if (attempt >= 8) throw error;
      await sleep(50 * attempt);
    }
  }
  const after = await context.setup(() => stripe.invoices.retrieve(invoiceId));
  const notesAfter = (await context.setup(() => stripe.creditNotes.list({ invoice: invoiceId, limit: 100 }))).data.length;
  const key = submissionIdempotencyKey({ action: 'create-credit-note', objectId: invoiceId, actor, nonce });
  const audited = await db.auditEntry.count({ where: { action: 'create-credit-note', idempotencyKey: key } });
  const moved = ['amount_paid', 'amount_remaining', 'post_payment_credit_notes_amount', 'pre_payment_credit_notes_amount'] as const;
  for (const field of moved) if (before[field] !== after[field]) context.ledger.refusalDifferences.push(`${invoiceId}: a refused over-credit changed ${field} from ${before[field]} to ${after[field]}`);
  if (notesAfter !== notesBefore) context.ledger.refusalDifferences.push(`${invoiceId}: a refused over-credit left ${notesAfter - notesBefore} credit notes`);
  if (audited !== 0) context.ledger.refusalDifferences.push(`${invoiceId}: a refused over-credit has ${audited} audit entries`);
}

export async function quotePaidStory(context: StoryContext, index: number): Promise<void> {
  const { stripe, db, actor } = context;
  const deps = { stripe, db };
  const { customerId, cardId } = await customerWithCard(context, index);
  const { quoteId, total } = await draftQuote(context, index, customerId);
  await context.submit('finalize-quote', (nonce) => finalizeQuote({ quoteId, idempotencyNonce: nonce, actor }, deps), { objectId: quoteId });
  await context.submit('accept-quote', (nonce) => acceptQuote({ quoteId, idempotencyNonce: nonce, actor }, deps), { objectId: quoteId });
  context.ledger.quotes.push({ quoteId, status: 'accepted' });

  const accepted = await context.setup(() => stripe.quotes.retrieve(quoteId));
  const invoiceId = typeof accepted.invoice === 'string' ? accepted.invoice : accepted.invoice?.id;
  if (!invoiceId) throw new Error(`quote ${quoteId} was accepted without an invoice`);
  await context.submit('finalize-invoice', (nonce) => finalizeInvoice({ invoiceId, idempotencyNonce: nonce, actor }, deps), { objectId: invoiceId });
  await context.submit('pay-invoice', (nonce) => payInvoice({ invoiceId, method: 'saved_card', paymentMethodId: cardId, idempotencyNonce: nonce, actor }, deps), { objectId: invoiceId });

  const firstCredit = 2500;
  const credit = (amount: number, postPayment: 'refund' | 'credit') =>
    context.submit('create-credit-note', (nonce) => createCreditNote({ ...creditForm(invoiceId, major(amount), postPayment), idempotencyNonce: nonce, actor }, deps), { objectId: invoiceId });
  await credit(firstCredit, 'refund');
  await credit(total - firstCredit, 'credit');
  context.ledger.invoices.push({ invoiceId, total, creditNotes: [firstCredit, total - firstCredit], refunds: [firstCredit] });
  await refusedOverCredit(context, invoiceId);
}

export async function quoteCancelStory(context: StoryContext, index: number): Promise<void> {
  const { stripe, db, actor } = context;
  const deps = { stripe, db };
  const { customerId } = await customerWithCard(context, index);
  const { quoteId } = await draftQuote(context, index, customerId);
  if (index % 2 === 0) await context.submit('finalize-quote', (nonce) => finalizeQuote({ quoteId, idempotencyNonce: nonce, actor }, deps), { objectId: quoteId });
  await context.submit('cancel-quote', (nonce) => cancelQuote({ quoteId, idempotencyNonce: nonce, actor }, deps), { objectId: quoteId });
  context.ledger.quotes.push({ quoteId, status: 'canceled' });
}
