import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { stripeError } from './payment-helpers';

interface Invoiced {
  stripe: Stripe;
  customer: Stripe.Customer;
  invoice: Stripe.Invoice;
  /** The invoice's one line: 4 × 25.00. */
  line: Stripe.InvoiceLineItem;
}

/** An open 100.00 invoice (one line, 4 × 25.00); `pay` settles it with a card first. */
async function invoiced(pay = false): Promise<Invoiced> {
  const stripe = sandboxStripe();
  const customer = await stripe.customers.create({ email: 'client@example.com' });
  const price = await stripe.prices.create({ currency: 'usd', unit_amount: 2500, product_data: { name: 'Licence' } });
  const draft = await stripe.invoices.create({ customer: customer.id });
  await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, pricing: { price: price.id }, quantity: 4 });
  let invoice = await stripe.invoices.finalizeInvoice(draft.id);
  if (pay) invoice = await stripe.invoices.pay(invoice.id, { payment_method: 'pm_card_visa' });
  return { stripe, customer, invoice, line: invoice.lines.data[0]! };
}

describe('credit notes', () => {
  it('previews a credit note without issuing it', async () => {
    const { stripe, invoice, line } = await invoiced();
    const preview = await stripe.creditNotes.preview({ invoice: invoice.id, lines: [{ type: 'invoice_line_item', invoice_line_item: line.id, quantity: 1 }] });
    expectStripeShape(preview, 'credit_note');
    expect(preview).toMatchObject({ amount: 2500, total: 2500, pre_payment_amount: 2500, post_payment_amount: 0, type: 'pre_payment', status: 'issued' });
    const lines = await stripe.creditNotes.listPreviewLineItems({
      invoice: invoice.id,
      lines: [{ type: 'invoice_line_item', invoice_line_item: line.id, quantity: 1 }],
    });
    expectStripeShape(lines);
    expect(lines.data[0]).toMatchObject({ type: 'invoice_line_item', invoice_line_item: line.id, quantity: 1, amount: 2500 });
    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(0);
    expect(await stripe.invoices.retrieve(invoice.id)).toMatchObject({ amount_remaining: 10000, pre_payment_credit_notes_amount: 0 });
  });

  it('on an open invoice, lowers amount_due and amount_remaining', async () => {
    const { stripe, invoice, line } = await invoiced();
    const note = await stripe.creditNotes.create({
      invoice: invoice.id,
      lines: [{ type: 'invoice_line_item', invoice_line_item: line.id, amount: 1000 }],
      reason: 'order_change',
      memo: 'Late delivery',
    });
    expectStripeShape(note, 'credit_note');
    expect(note).toMatchObject({ amount: 1000, pre_payment_amount: 1000, post_payment_amount: 0, reason: 'order_change', memo: 'Late delivery' });
    expect(note.number).toBe(`${invoice.number}-CN-01`);
    expect(await stripe.invoices.retrieve(invoice.id)).toMatchObject({
      status: 'open',
      amount_due: 9000,
      amount_remaining: 9000,
      pre_payment_credit_notes_amount: 1000,
      post_payment_credit_notes_amount: 0,
    });
    const lines = await stripe.creditNotes.listLineItems(note.id);
    expectStripeShape(lines);
    expect(lines.data.map((item) => item.amount)).toEqual([1000]);
    const created = await stripe.events.list({ type: 'credit_note.created' });
    expect(created.data.map((event) => (event.data.object as Stripe.CreditNote).id)).toEqual([note.id]);
  });

  it('crediting the rest of an open invoice marks it paid', async () => {
    const { stripe, invoice } = await invoiced();
    await stripe.creditNotes.create({ invoice: invoice.id, amount: 10000 });
    const after = await stripe.invoices.retrieve(invoice.id);
    expect(after).toMatchObject({ status: 'paid', amount_remaining: 0, amount_paid: 0, pre_payment_credit_notes_amount: 10000 });
  });

  it("on a paid invoice, credit_amount credits the customer's balance, which the next invoice uses", async () => {
    const { stripe, customer, invoice } = await invoiced(true);
    const note = await stripe.creditNotes.create({ invoice: invoice.id, amount: 3000, credit_amount: 3000 });
    expect(note).toMatchObject({ pre_payment_amount: 0, post_payment_amount: 3000, type: 'post_payment' });
    expect(note.customer_balance_transaction).toMatch(/^cbtxn_/);
    expect(await stripe.invoices.retrieve(invoice.id)).toMatchObject({ status: 'paid', post_payment_credit_notes_amount: 3000, amount_paid: 10000 });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ balance: -3000 });
    const transactions = await stripe.customers.listBalanceTransactions(customer.id);
    expectStripeShape(transactions);
    expect(transactions.data[0]).toMatchObject({ amount: -3000, ending_balance: -3000, type: 'credit_note', credit_note: note.id, invoice: invoice.id });
    const transaction = await stripe.customers.retrieveBalanceTransaction(customer.id, note.customer_balance_transaction as string);
    expectStripeShape(transaction, 'customer_balance_transaction');

    const next = await stripe.invoices.create({ customer: customer.id });
    await stripe.invoiceItems.create({ customer: customer.id, invoice: next.id, amount: 5000, currency: 'usd' });
    const finalized = await stripe.invoices.finalizeInvoice(next.id);
    expect(finalized).toMatchObject({ total: 5000, starting_balance: -3000, ending_balance: 0, amount_due: 2000 });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ balance: 0 });
  });

  it('on a paid invoice, refund_amount refunds the card payment', async () => {
    const { stripe, customer, invoice } = await invoiced(true);
    const note = await stripe.creditNotes.create({ invoice: invoice.id, amount: 2500, refund_amount: 2500 });
    expect(note.refunds).toHaveLength(1);
    expect(note.refunds[0]).toMatchObject({ amount_refunded: 2500, type: 'refund' });
    const [intent] = (await stripe.paymentIntents.list({ customer: customer.id })).data;
    const charge = await stripe.charges.retrieve(intent!.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 2500, refunded: false });
    expect(await stripeError(() => stripe.creditNotes.voidCreditNote(note.id))).toMatchObject({ statusCode: 400 });
  });

  it('records an out-of-band credit as such', async () => {
    const { stripe, invoice } = await invoiced(true);
    const note = await stripe.creditNotes.create({ invoice: invoice.id, amount: 1500, out_of_band_amount: 1500 });
    expect(note).toMatchObject({ out_of_band_amount: 1500, customer_balance_transaction: null, refunds: [] });
  });

  it('refuses more than remains creditable, and an allocation that does not add up', async () => {
    const { stripe, invoice, line } = await invoiced(true);
    const tooMuch = await stripeError(() => stripe.creditNotes.create({ invoice: invoice.id, amount: 10001, credit_amount: 10001 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'amount' });
    expect(tooMuch.message).toContain('$100.00');
    await stripe.creditNotes.create({ invoice: invoice.id, amount: 6000, credit_amount: 6000 });
    const beyondRest = await stripeError(() => stripe.creditNotes.create({ invoice: invoice.id, amount: 4001, credit_amount: 4001 }));
    expect(beyondRest.message).toContain('$40.00');
    const beyondLine = await stripeError(() =>
      stripe.creditNotes.preview({ invoice: invoice.id, lines: [{ type: 'invoice_line_item', invoice_line_item: line.id, quantity: 5 }], credit_amount: 12500 }),
    );
    expect(beyondLine).toMatchObject({ statusCode: 400, param: 'lines[0][amount]' });
    const unallocated = await stripeError(() => stripe.creditNotes.create({ invoice: invoice.id, amount: 1000 }));
    expect(unallocated).toMatchObject({ statusCode: 400 });
    expect(unallocated.message).toContain('post_payment_amount');
  });

  it('refuses credit notes for draft and void invoices', async () => {
    const { stripe, customer } = await invoiced();
    const draft = await stripe.invoices.create({ customer: customer.id });
    expect(await stripeError(() => stripe.creditNotes.create({ invoice: draft.id, amount: 100 }))).toMatchObject({ statusCode: 400, param: 'invoice' });
  });

  it("voiding restores the invoice's amounts and the customer's balance", async () => {
    const open = await invoiced();
    const onOpen = await open.stripe.creditNotes.create({ invoice: open.invoice.id, amount: 10000 });
    expect((await open.stripe.invoices.retrieve(open.invoice.id)).status).toBe('paid');
    const voided = await open.stripe.creditNotes.voidCreditNote(onOpen.id);
    expectStripeShape(voided, 'credit_note');
    expect(voided).toMatchObject({ status: 'void' });
    expect(voided.voided_at).toEqual(expect.any(Number));
    expect(await open.stripe.invoices.retrieve(open.invoice.id)).toMatchObject({ status: 'open', amount_remaining: 10000, pre_payment_credit_notes_amount: 0 });
    expect(await stripeError(() => open.stripe.creditNotes.voidCreditNote(onOpen.id))).toMatchObject({ statusCode: 400 });
    const voidedEvents = await open.stripe.events.list({ type: 'credit_note.voided' });
    expect(voidedEvents.data).toHaveLength(1);

    const paid = await invoiced(true);
    const credit = await paid.stripe.creditNotes.create({ invoice: paid.invoice.id, amount: 2000, credit_amount: 2000 });
    await paid.stripe.creditNotes.voidCreditNote(credit.id);
    expect((await paid.stripe.customers.retrieve(paid.customer.id)) as Stripe.Customer).toMatchObject({ balance: 0 });
    expect(await paid.stripe.invoices.retrieve(paid.invoice.id)).toMatchObject({ post_payment_credit_notes_amount: 0 });
  });

  it('lists, retrieves and updates credit notes', async () => {
    const { stripe, customer, invoice } = await invoiced();
    const first = await stripe.creditNotes.create({ invoice: invoice.id, amount: 1000 });
    const second = await stripe.creditNotes.create({ invoice: invoice.id, amount: 500, metadata: { case: 'C-1' } });
    expect(second.number).toBe(`${invoice.number}-CN-02`);
    const listed = await stripe.creditNotes.list({ customer: customer.id });
    expectStripeShape(listed);
    expect(listed.data.map((note) => note.id)).toEqual([second.id, first.id]);
    const updated = await stripe.creditNotes.update(first.id, { memo: 'Goodwill', metadata: { case: 'C-2' } });
    expect(updated).toMatchObject({ memo: 'Goodwill', metadata: { case: 'C-2' } });
    expect(await stripe.creditNotes.retrieve(first.id)).toMatchObject({ memo: 'Goodwill' });
    expect(await stripeError(() => stripe.creditNotes.retrieve('cn_missing'))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
