import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { stripeError } from './payment-helpers';

interface Billing {
  stripe: Stripe;
  customer: Stripe.Customer;
  price: Stripe.Price;
}

async function billing(): Promise<Billing> {
  const stripe = sandboxStripe();
  const customer = await stripe.customers.create({ email: 'payer@example.com', name: 'Payer' });
  const price = await stripe.prices.create({ currency: 'usd', unit_amount: 1500, product_data: { name: 'Seat' } });
  return { stripe, customer, price };
}

/** A draft with two lines: 2 × 15.00 by price and a 5.00 amount-only item. */
async function draftInvoice({ stripe, customer, price }: Billing): Promise<Stripe.Invoice> {
  const invoice = await stripe.invoices.create({ customer: customer.id, description: 'November' });
  await stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, pricing: { price: price.id }, quantity: 2 });
  await stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, amount: 500, currency: 'usd', description: 'Setup' });
  return stripe.invoices.retrieve(invoice.id);
}

async function eventTypes(stripe: Stripe, objectId: string): Promise<string[]> {
  const events = await stripe.events.list({ limit: 100 });
  return events.data
    .filter((event) => (event.data.object as { id?: string }).id === objectId)
    .map((event) => event.type)
    .reverse();
}

describe('invoices', () => {
  it('a draft adds up its lines; finalizing opens it with a number and what is due', async () => {
    const account = await billing();
    const draft = await draftInvoice(account);
    expectStripeShape(draft, 'invoice');
    expect(draft).toMatchObject({
      status: 'draft',
      number: null,
      customer: account.customer.id,
      customer_email: 'payer@example.com',
      billing_reason: 'manual',
      auto_advance: false,
      subtotal: 3500,
      total: 3500,
      amount_due: 3500,
      amount_paid: 0,
      amount_remaining: 3500,
    });
    const lines = await account.stripe.invoices.listLineItems(draft.id);
    expectStripeShape(lines);
    expect(lines.data.map((line) => [line.amount, line.quantity, line.description])).toEqual([
      [3000, 2, 'Seat'],
      [500, 1, 'Setup'],
    ]);
    expect(lines.data[0]!.pricing?.price_details?.price).toBe(account.price.id);
    const open = await account.stripe.invoices.finalizeInvoice(draft.id);
    expectStripeShape(open, 'invoice');
    expect(open).toMatchObject({ status: 'open', amount_due: 3500, amount_remaining: 3500, starting_balance: 0, ending_balance: 0 });
    expect(open.number).toBe(`${account.customer.invoice_prefix}-0001`);
    expect(open.status_transitions.finalized_at).toEqual(expect.any(Number));
    expect(open.hosted_invoice_url).toMatch(/^https:\/\//);
    const again = await stripeError(() => account.stripe.invoices.finalizeInvoice(draft.id));
    expect(again).toMatchObject({ statusCode: 400, code: 'invoice_not_editable' });
  });

  it('pays an open invoice with a card: a succeeded PaymentIntent and charge, and the invoice paid', async () => {
    const account = await billing();
    const open = await account.stripe.invoices.finalizeInvoice((await draftInvoice(account)).id);
    const paid = await account.stripe.invoices.pay(open.id, { payment_method: 'pm_card_visa' });
    expectStripeShape(paid, 'invoice');
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 3500, amount_remaining: 0, attempted: true, attempt_count: 1 });
    expect(paid.status_transitions.paid_at).toEqual(expect.any(Number));
    const intents = await account.stripe.paymentIntents.list({ customer: account.customer.id });
    expect(intents.data).toHaveLength(1);
    expect(intents.data[0]).toMatchObject({ status: 'succeeded', amount: 3500, amount_received: 3500, description: 'Payment for Invoice' });
    expect(await account.stripe.charges.retrieve(intents.data[0]!.latest_charge as string)).toMatchObject({ paid: true, amount: 3500 });
    expect(await eventTypes(account.stripe, open.id)).toEqual([
      'invoice.created',
      'invoice.updated',
      'invoice.updated',
      'invoice.finalized',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);
    const twice = await stripeError(() => account.stripe.invoices.pay(open.id, { payment_method: 'pm_card_visa' }));
    expect(twice).toMatchObject({ statusCode: 400, message: 'Invoice is already paid' });
  });

  it('paying a draft finalizes it first; paid_out_of_band moves no money', async () => {
    const account = await billing();
    const draft = await draftInvoice(account);
    const paid = await account.stripe.invoices.pay(draft.id, { paid_out_of_band: true });
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 3500, amount_remaining: 0, attempted: false });
    expect(paid.number).toMatch(/-0001$/);
    expect((await account.stripe.paymentIntents.list({ customer: account.customer.id })).data).toHaveLength(0);
  });

  it('a declined card leaves the invoice open, counts the attempt and records invoice.payment_failed', async () => {
    const account = await billing();
    const open = await account.stripe.invoices.finalizeInvoice((await draftInvoice(account)).id);
    const declined = await stripeError(() => account.stripe.invoices.pay(open.id, { payment_method: 'pm_card_visa_chargeDeclined' }));
    expect(declined).toMatchObject({ statusCode: 402, type: 'StripeCardError', code: 'card_declined' });
    expect(await account.stripe.invoices.retrieve(open.id)).toMatchObject({ status: 'open', attempted: true, attempt_count: 1, amount_paid: 0 });
    expect(await eventTypes(account.stripe, open.id)).toContain('invoice.payment_failed');
    const retried = await account.stripe.invoices.pay(open.id, { payment_method: 'pm_card_visa' });
    expect(retried).toMatchObject({ status: 'paid', attempt_count: 2 });
  });

  it('a card that needs 3-D Secure declines off-session with authentication_required', async () => {
    const account = await billing();
    const open = await account.stripe.invoices.finalizeInvoice((await draftInvoice(account)).id);
    const declined = await stripeError(() => account.stripe.invoices.pay(open.id, { payment_method: 'pm_card_authenticationRequired' }));
    expect(declined).toMatchObject({ statusCode: 402, code: 'authentication_required' });
    expect(await account.stripe.invoices.retrieve(open.id)).toMatchObject({ status: 'open', amount_paid: 0 });
  });

  it('without a payment method to charge, pay fails with Stripe\'s message', async () => {
    const account = await billing();
    const open = await account.stripe.invoices.finalizeInvoice((await draftInvoice(account)).id);
    const error = await stripeError(() => account.stripe.invoices.pay(open.id));
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain('no attached payment source or default payment method');
  });

  it('voids only finalized unpaid invoices and deletes only drafts', async () => {
    const account = await billing();
    const draft = await draftInvoice(account);
    expect(await stripeError(() => account.stripe.invoices.voidInvoice(draft.id))).toMatchObject({ statusCode: 400 });
    const open = await account.stripe.invoices.finalizeInvoice(draft.id);
    expect(await stripeError(() => account.stripe.invoices.del(open.id))).toMatchObject({ statusCode: 400, code: 'invoice_not_editable' });
    const voided = await account.stripe.invoices.voidInvoice(open.id);
    expect(voided.status).toBe('void');
    expect(voided.status_transitions.voided_at).toEqual(expect.any(Number));
    expect(await eventTypes(account.stripe, open.id)).toContain('invoice.voided');
    expect(await stripeError(() => account.stripe.invoices.pay(open.id, { paid_out_of_band: true }))).toMatchObject({ statusCode: 400 });
    const other = await account.stripe.invoices.create({ customer: account.customer.id });
    const deleted = await account.stripe.invoices.del(other.id);
    expect(deleted).toMatchObject({ id: other.id, deleted: true });
  });

  it('sending a send_invoice draft finalizes it with its due date and records invoice.sent', async () => {
    const account = await billing();
    const draft = await account.stripe.invoices.create({ customer: account.customer.id, collection_method: 'send_invoice', days_until_due: 14 });
    await account.stripe.invoiceItems.create({ customer: account.customer.id, invoice: draft.id, amount: 2000, currency: 'usd' });
    const sent = await account.stripe.invoices.sendInvoice(draft.id);
    expect(sent).toMatchObject({ status: 'open', collection_method: 'send_invoice', amount_due: 2000 });
    expect(sent.due_date).toBeGreaterThanOrEqual(sent.created + 14 * 86_400);
    expect(await eventTypes(account.stripe, draft.id)).toEqual(expect.arrayContaining(['invoice.finalized', 'invoice.sent']));
    const needsTerms = await stripeError(() => account.stripe.invoices.create({ customer: account.customer.id, collection_method: 'send_invoice' }));
    expect(needsTerms).toMatchObject({ statusCode: 400, param: 'days_until_due' });
  });

  it('marks an open invoice uncollectible; it can still be paid or voided', async () => {
    const account = await billing();
    const open = await account.stripe.invoices.finalizeInvoice((await draftInvoice(account)).id);
    const written = await account.stripe.invoices.markUncollectible(open.id);
    expect(written).toMatchObject({ status: 'uncollectible' });
    expect(written.status_transitions.marked_uncollectible_at).toEqual(expect.any(Number));
    expect(await stripeError(() => account.stripe.invoices.markUncollectible(open.id))).toMatchObject({ statusCode: 400 });
    expect(await account.stripe.invoices.pay(open.id, { paid_out_of_band: true })).toMatchObject({ status: 'paid' });
    expect(await eventTypes(account.stripe, open.id)).toContain('invoice.marked_uncollectible');
  });

  it('only drafts take new lines or edits; metadata changes any time', async () => {
    const account = await billing();
    const open = await account.stripe.invoices.finalizeInvoice((await draftInvoice(account)).id);
    const addLine = await stripeError(() =>
      account.stripe.invoiceItems.create({ customer: account.customer.id, invoice: open.id, amount: 100, currency: 'usd' }),
    );
    expect(addLine).toMatchObject({ statusCode: 400, code: 'invoice_not_editable' });
    expect(await stripeError(() => account.stripe.invoices.update(open.id, { description: 'Changed' }))).toMatchObject({
      code: 'invoice_not_editable',
    });
    const tagged = await account.stripe.invoices.update(open.id, { metadata: { po: 'PO-9' } });
    expect(tagged.metadata).toEqual({ po: 'PO-9' });
  });

  it('pending invoice items join the next invoice created with pending_invoice_items_behavior=include', async () => {
    const account = await billing();
    const item = await account.stripe.invoiceItems.create({ customer: account.customer.id, pricing: { price: account.price.id } });
    expectStripeShape(item, 'invoiceitem');
    expect(item).toMatchObject({ invoice: null, amount: 1500, quantity: 1, description: 'Seat' });
    const without = await account.stripe.invoices.create({ customer: account.customer.id });
    expect(without.total).toBe(0);
    const withItems = await account.stripe.invoices.create({ customer: account.customer.id, pending_invoice_items_behavior: 'include' });
    expect(withItems.total).toBe(1500);
    expect((await account.stripe.invoiceItems.retrieve(item.id)).invoice).toBe(withItems.id);
  });

  it('lists invoices by customer and status', async () => {
    const account = await billing();
    const open = await account.stripe.invoices.finalizeInvoice((await draftInvoice(account)).id);
    await draftInvoice(account);
    const someoneElse = await account.stripe.customers.create({ email: 'else@example.com' });
    await account.stripe.invoices.create({ customer: someoneElse.id });
    const mine = await account.stripe.invoices.list({ customer: account.customer.id });
    expectStripeShape(mine);
    expect(mine.data).toHaveLength(2);
    expect((await account.stripe.invoices.list({ status: 'open' })).data.map((invoice) => invoice.id)).toEqual([open.id]);
    expect(await stripeError(() => account.stripe.invoices.retrieve('in_missing'))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
