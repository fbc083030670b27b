// Invoices a quote created: finalize and pay from the dashboard (out of band or with the customer's saved card), and
// the quote/invoice/credit-note projection converging on Stripe's state whatever order the webhooks arrive in.
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/require-role';
import { createDb } from '@/lib/db/client';
import { finalizeInvoice } from '@/lib/invoices/finalize-invoice';
import { listInvoices } from '@/lib/invoices/list-invoices';
import { payInvoice } from '@/lib/invoices/pay-invoice';
import { retrieveInvoice } from '@/lib/invoices/retrieve-invoice';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';
import { sandboxStripe } from '../../support/sandbox';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const admin: SessionUser = { id: `user_${randomUUID()}`, email: 'admin@paydesk.test', name: 'Admin', role: 'admin' };

async function acceptedQuoteInvoice() {
  const stripe = sandboxStripe();
  const customer = await stripe.customers.create({ email: `payer-${randomUUID()}@example.com` });
  const price = await stripe.prices.create({ currency: 'usd', unit_amount: 4000, product_data: { name: 'Audit' } });
  const quote = await stripe.quotes.finalizeQuote((await stripe.quotes.create({ customer: customer.id, line_items: [{ price: price.id, quantity: 2 }] })).id);
  const accepted = await stripe.quotes.accept(quote.id);
  return { stripe, customer, quote: accepted, invoiceId: accepted.invoice as string };
}

/** Every quote, invoice and credit-note event of the account, signed and delivered in the given order. */
async function deliver(stripe: Stripe, order: (events: Stripe.Event[]) => Stripe.Event[]) {
  const secret = `whsec_${randomUUID().replace(/-/g, '')}`;
  const events = (await stripe.events.list({ limit: 100 })).data.filter((event) => /^(quote|invoice|credit_note)\./.test(event.type));
  for (const event of order(events)) {
    const payload = JSON.stringify(event, null, 2);
    const signatureHeader = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect((await ingestWebhook({ rawBody: Buffer.from(payload), signatureHeader, secrets: [secret] }, db, stripe)).status).toBe(200);
  }
  return events.length;
}

describe('finalizing and paying', () => {
  it('finalizes once per form, and refuses to finalize an open invoice with nothing changed', async () => {
    const { stripe, invoiceId } = await acceptedQuoteInvoice();
    const nonce = randomUUID();
    expect(await finalizeInvoice({ invoiceId, idempotencyNonce: nonce, actor: admin }, { stripe, db })).toEqual({ id: invoiceId, status: 'open' });
    expect(await finalizeInvoice({ invoiceId, idempotencyNonce: nonce, actor: admin }, { stripe, db })).toEqual({ id: invoiceId, status: 'open' });
    expect((await stripe.events.list({ type: 'invoice.finalized' })).data).toHaveLength(1);
    await expect(finalizeInvoice({ invoiceId, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'conflict',
      message: "This invoice can't be finalized: it is open. Nothing was changed.",
    });
  });

  it('charges the customer’s saved card, or records a payment made outside Stripe', async () => {
    const card = await acceptedQuoteInvoice();
    const method = await card.stripe.paymentMethods.attach('pm_card_visa', { customer: card.customer.id });
    await finalizeInvoice({ invoiceId: card.invoiceId, idempotencyNonce: randomUUID(), actor: admin }, { stripe: card.stripe, db });
    expect(await payInvoice({ invoiceId: card.invoiceId, method: 'saved_card', paymentMethodId: method.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe: card.stripe, db })).toEqual({
      id: card.invoiceId,
      status: 'paid',
      amountPaid: 8000,
    });
    await expect(payInvoice({ invoiceId: card.invoiceId, method: 'out_of_band', idempotencyNonce: randomUUID(), actor: admin }, { stripe: card.stripe, db })).rejects.toMatchObject({
      code: 'conflict',
      message: "This invoice can't be paid: it is already paid. Nothing was changed.",
    });

    const transfer = await acceptedQuoteInvoice();
    await finalizeInvoice({ invoiceId: transfer.invoiceId, idempotencyNonce: randomUUID(), actor: admin }, { stripe: transfer.stripe, db });
    await payInvoice({ invoiceId: transfer.invoiceId, method: 'out_of_band', idempotencyNonce: randomUUID(), actor: admin }, { stripe: transfer.stripe, db });
    expect(await transfer.stripe.invoices.retrieve(transfer.invoiceId)).toMatchObject({ status: 'paid', amount_remaining: 0 });
    expect((await transfer.stripe.paymentIntents.list({ customer: transfer.customer.id })).data).toHaveLength(0);
  });

  it('a declined card leaves the invoice open, with the decline in words', async () => {
    const { stripe, customer, invoiceId } = await acceptedQuoteInvoice();
    // Stripe's card that attaches to a customer and is declined when charged.
    const declining = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    await finalizeInvoice({ invoiceId, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    await expect(payInvoice({ invoiceId, method: 'saved_card', paymentMethodId: declining.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      message: expect.stringMatching(/^Your card was declined\. \(generic_decline\) .+ The invoice is still open; nothing was paid\.$/),
    });
    expect(await stripe.invoices.retrieve(invoiceId)).toMatchObject({ status: 'open', amount_paid: 0 });
  });

  it('refuses a card saved by another customer', async () => {
    const { stripe, invoiceId } = await acceptedQuoteInvoice();
    const stranger = await stripe.customers.create({ email: `stranger-${randomUUID()}@example.com` });
    const theirs = await stripe.paymentMethods.attach('pm_card_visa', { customer: stranger.id });
    await finalizeInvoice({ invoiceId, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    await expect(payInvoice({ invoiceId, method: 'saved_card', paymentMethodId: theirs.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { paymentMethodId: 'Choose one of this customer’s saved cards.' },
    });
    expect(await stripe.invoices.retrieve(invoiceId)).toMatchObject({ status: 'open' });
  });
});

describe('the projection', () => {
  it('ends at Stripe’s state when the webhooks arrive newest first, and again when they are all delivered twice', async () => {
    const { stripe, customer, quote, invoiceId } = await acceptedQuoteInvoice();
    const method = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await finalizeInvoice({ invoiceId, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    await payInvoice({ invoiceId, method: 'saved_card', paymentMethodId: method.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    const note = await stripe.creditNotes.create({ invoice: invoiceId, amount: 1000, credit_amount: 1000 });
    await stripe.creditNotes.voidCreditNote(note.id);

    // events.list is newest first: delivering it as it comes is the worst order.
    expect(await deliver(stripe, (events) => events)).toBeGreaterThan(6);
    await deliver(stripe, (events) => [...events].reverse());

    const invoice = await stripe.invoices.retrieve(invoiceId);
    expect(await db.stripeInvoice.findUnique({ where: { id: invoiceId } })).toMatchObject({
      status: invoice.status,
      amountPaid: invoice.amount_paid,
      amountRemaining: invoice.amount_remaining,
      quoteId: quote.id,
      number: invoice.number,
    });
    expect(await db.stripeQuote.findUnique({ where: { id: quote.id } })).toMatchObject({ status: 'accepted', invoiceId });
    expect(await db.stripeCreditNote.findUnique({ where: { id: note.id } })).toMatchObject({ status: 'void', total: 1000, invoiceId });
    expect(await retrieveInvoice({ invoiceId }, { stripe, db })).toMatchObject({ confirmedStatus: 'paid', creditable: 8000 });
    const paid = await listInvoices({ status: 'paid' }, db);
    expect(paid.invoices.find((item) => item.id === invoiceId)).toMatchObject({ total: 8000, amountRemaining: 0, quoteId: quote.id, customer: { id: customer.id } });
    expect((await listInvoices({ status: 'open' }, db)).invoices.some((item) => item.id === invoiceId)).toBe(false);
  });
});
