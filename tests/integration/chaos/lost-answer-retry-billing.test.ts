// Found by reading the chaos run's new stories: a dispute submission, a quote transition, an invoice finalization or
// payment, a credit note up to the remainder and a seller's order refund in full, sent again after Stripe ran it but
// its answer was lost, must get Stripe's first answer under the same key and be audited once — not be refused
// because the object has already moved on (which left the change made and unaudited).
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { createUserAccount } from '@/lib/auth/create-user-account';
import type { SessionUser } from '@/lib/auth/require-role';
import { refundOrderCharge } from '@/lib/connect/refund-order-charge';
import { createCreditNote } from '@/lib/credit-notes/create-credit-note';
import { createDb } from '@/lib/db/client';
import { acceptDisputeLoss } from '@/lib/disputes/accept-dispute-loss';
import { submitDisputeEvidence } from '@/lib/disputes/submit-dispute-evidence';
import { finalizeInvoice } from '@/lib/invoices/finalize-invoice';
import { payInvoice } from '@/lib/invoices/pay-invoice';
import { acceptQuote } from '@/lib/quotes/accept-quote';
import { finalizeQuote } from '@/lib/quotes/finalize-quote';
import { chaosSecretKey } from '../../../scripts/chaos/run-chaos';
import { sandboxControls } from '../../../scripts/chaos/sandbox-controls';
import { sandboxBase, sandboxStripe } from '../../support/sandbox';
import { onboardedAccount } from '../sandbox/connect-helpers';
import { CARDS_ONLY } from '../sandbox/payment-helpers';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

/** An account whose SDK does not retry on its own, so a lost answer reaches the action as an error; and its admin. */
async function setUp() {
  const secretKey = chaosSecretKey();
  const stripe = sandboxStripe(secretKey, { maxNetworkRetries: 0 });
  const email = `lost-answer-${randomUUID()}@paydesk.test`;
  const account = await createUserAccount({ email, name: 'Admin', role: 'admin', password: randomUUID() });
  const actor: SessionUser = { id: account.id, email, name: 'Admin', role: 'admin' };
  const loseNextAnswer = (path: string) => sandboxControls(sandboxBase(), secretKey).call('POST', '/_sandbox/faults', { kind: 'lost_response', mode: '500', method: 'POST', path_prefix: path });
  return { stripe, actor, loseNextAnswer };
}

const auditCount = (action: string, actor: SessionUser) => db.auditEntry.count({ where: { action, actorId: actor.id } });

async function sendTwice<T>(run: () => Promise<T>): Promise<T> {
  await expect(run()).rejects.toBeTruthy();
  return run();
}

async function openDispute(stripe: Stripe): Promise<string> {
  const customer = await stripe.customers.create({ email: 'payer@example.com' });
  const intent = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd', customer: customer.id, payment_method: 'pm_card_createDispute', confirm: true, ...CARDS_ONLY });
  const dispute = (await stripe.disputes.list({ payment_intent: intent.id })).data[0];
  if (!dispute) throw new Error('no dispute opened');
  return dispute.id;
}

/** An open invoice from an accepted quote, its customer with a saved card. */
async function openInvoice(stripe: Stripe): Promise<{ invoiceId: string; cardId: string; total: number }> {
  const customer = await stripe.customers.create({ email: 'buyer@example.com' });
  const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
  const product = await stripe.products.create({ name: 'Service' });
  const quote = await stripe.quotes.create({ customer: customer.id, line_items: [{ price_data: { currency: 'usd', product: product.id, unit_amount: 4000 }, quantity: 2 }] });
  await stripe.quotes.finalizeQuote(quote.id);
  const accepted = await stripe.quotes.accept(quote.id);
  const invoiceId = typeof accepted.invoice === 'string' ? accepted.invoice : (accepted.invoice?.id ?? '');
  const invoice = await stripe.invoices.finalizeInvoice(invoiceId);
  return { invoiceId, cardId: card.id, total: invoice.total };
}

describe('a form sent again after its answer was lost', () => {
  it('submits dispute evidence once and audits once', async () => {
    const { stripe, actor, loseNextAnswer } = await setUp();
    const disputeId = await openDispute(stripe);
    await loseNextAnswer(`/v1/disputes/${disputeId}`);
    const form = { disputeId, evidence: { uncategorized_text: 'Delivered.' }, idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => submitDisputeEvidence(form, { stripe, db }))).toMatchObject({ id: disputeId });
    expect((await stripe.disputes.retrieve(disputeId)).evidence_details.submission_count).toBe(1);
    expect(await auditCount('submit-dispute-evidence', actor)).toBe(1);
    await expect(submitDisputeEvidence({ ...form, idempotencyNonce: randomUUID() }, { stripe, db })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('accepts a dispute as lost once and audits once', async () => {
    const { stripe, actor, loseNextAnswer } = await setUp();
    const disputeId = await openDispute(stripe);
    await loseNextAnswer(`/v1/disputes/${disputeId}/close`);
    const form = { disputeId, idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => acceptDisputeLoss(form, { stripe, db }))).toMatchObject({ id: disputeId });
    expect(await auditCount('accept-dispute-loss', actor)).toBe(1);
  });

  it('finalizes and accepts a quote once each and audits each once', async () => {
    const { stripe, actor, loseNextAnswer } = await setUp();
    const customer = await stripe.customers.create({ email: 'buyer@example.com' });
    const product = await stripe.products.create({ name: 'Service' });
    const quote = await stripe.quotes.create({ customer: customer.id, line_items: [{ price_data: { currency: 'usd', product: product.id, unit_amount: 4000 }, quantity: 1 }] });
    await loseNextAnswer(`/v1/quotes/${quote.id}/finalize`);
    const finalizeForm = { quoteId: quote.id, idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => finalizeQuote(finalizeForm, { stripe, db }))).toMatchObject({ status: 'open' });
    await loseNextAnswer(`/v1/quotes/${quote.id}/accept`);
    const acceptForm = { quoteId: quote.id, idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => acceptQuote(acceptForm, { stripe, db }))).toMatchObject({ status: 'accepted' });
    expect((await stripe.invoices.list({ customer: customer.id })).data).toHaveLength(1);
    expect([await auditCount('finalize-quote', actor), await auditCount('accept-quote', actor)]).toEqual([1, 1]);
  });

  it('finalizes and pays an invoice once each and audits each once', async () => {
    const { stripe, actor, loseNextAnswer } = await setUp();
    const customer = await stripe.customers.create({ email: 'buyer@example.com' });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await stripe.invoiceItems.create({ customer: customer.id, amount: 3000, currency: 'usd' });
    const draft = await stripe.invoices.create({ customer: customer.id, pending_invoice_items_behavior: 'include' });
    await loseNextAnswer(`/v1/invoices/${draft.id}/finalize`);
    const finalizeForm = { invoiceId: draft.id, idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => finalizeInvoice(finalizeForm, { stripe, db }))).toMatchObject({ status: 'open' });
    await loseNextAnswer(`/v1/invoices/${draft.id}/pay`);
    const form = { invoiceId: draft.id, method: 'saved_card' as const, paymentMethodId: card.id, idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => payInvoice(form, { stripe, db }))).toMatchObject({ status: 'paid', amountPaid: 3000 });
    expect((await stripe.paymentIntents.list({ customer: customer.id })).data.filter((intent) => intent.status === 'succeeded')).toHaveLength(1);
    expect([await auditCount('finalize-invoice', actor), await auditCount('pay-invoice', actor)]).toEqual([1, 1]);
  });

  it('issues a credit note for the remainder once and audits once, and a new form is still refused', async () => {
    const { stripe, actor, loseNextAnswer } = await setUp();
    const { invoiceId, cardId, total } = await openInvoice(stripe);
    await stripe.invoices.pay(invoiceId, { payment_method: cardId, off_session: true });
    await loseNextAnswer('/v1/credit_notes');
    const form = { invoiceId, mode: 'amount' as const, lines: [], amount: (total / 100).toFixed(2), reason: undefined, memo: undefined, postPayment: 'refund' as const, idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => createCreditNote(form, { stripe, db }))).toMatchObject({ total });
    expect((await stripe.creditNotes.list({ invoice: invoiceId })).data).toHaveLength(1);
    expect((await stripe.refunds.list({ limit: 10 })).data.map((refund) => refund.amount)).toEqual([total]);
    expect(await auditCount('create-credit-note', actor)).toBe(1);
    await expect(createCreditNote({ ...form, amount: '1.00', idempotencyNonce: randomUUID() }, { stripe, db })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await stripe.creditNotes.list({ invoice: invoiceId })).data).toHaveLength(1);
  });

  it("refunds a seller's order in full once and audits once", async () => {
    const { stripe, actor, loseNextAnswer } = await setUp();
    const account = await onboardedAccount(stripe);
    const intent = await stripe.paymentIntents.create({
      amount: 6000,
      currency: 'usd',
      application_fee_amount: 600,
      transfer_data: { destination: account.id },
      transfer_group: 'order_lost',
      payment_method: 'pm_card_visa',
      confirm: true,
      ...CARDS_ONLY,
    });
    const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? '');
    await loseNextAnswer('/v1/refunds');
    const form = { chargeId, idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => refundOrderCharge(form, { stripe, db }))).toMatchObject({ amount: 6000 });
    expect((await stripe.refunds.list({ charge: chargeId })).data).toHaveLength(1);
    expect(await auditCount('refund-order-charge', actor)).toBe(1);
    await expect(refundOrderCharge({ ...form, idempotencyNonce: randomUUID() }, { stripe, db })).rejects.toMatchObject({ message: 'Nothing is left to refund on this charge.' });
  });
});
