import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { freshSecretKey } from '../../support/sandbox';
import { spawnSandbox } from '../../../sandbox/spawn-sandbox';

const sandbox = await spawnSandbox();
afterAll(() => sandbox.dispose());

describe('billing across a sandbox restart', () => {
  it('keeps quotes, invoices, subscriptions, credit notes and the customer balance, and carries on from them', async () => {
    await sandbox.start();
    const stripe = new Stripe(freshSecretKey('billrestart'), { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 });
    const customer = await stripe.customers.create({ email: 'kept@example.com' });
    const product = await stripe.products.create({ name: 'Plan' });
    const draft = await stripe.quotes.create({
      customer: customer.id,
      line_items: [{ price_data: { currency: 'usd', product: product.id, unit_amount: 4000, recurring: { interval: 'month' } } }],
    });
    await stripe.quotes.finalizeQuote(draft.id);
    const quote = await stripe.quotes.accept(draft.id);
    await stripe.invoices.finalizeInvoice(quote.invoice as string);
    const paid = await stripe.invoices.pay(quote.invoice as string, { payment_method: 'pm_card_visa' });
    const note = await stripe.creditNotes.create({ invoice: paid.id, amount: 1000, credit_amount: 1000 });
    await sandbox.stop();
    await sandbox.start();

    expect(await stripe.quotes.retrieve(quote.id)).toMatchObject({ status: 'accepted', subscription: quote.subscription });
    expect(await stripe.subscriptions.retrieve(quote.subscription as string)).toMatchObject({ status: 'active', latest_invoice: paid.id });
    expect(await stripe.invoices.retrieve(paid.id)).toMatchObject({ status: 'paid', amount_paid: 4000, post_payment_credit_notes_amount: 1000 });
    expect(await stripe.creditNotes.retrieve(note.id)).toMatchObject({ status: 'issued', amount: 1000 });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ balance: -1000 });
    const voided = await stripe.creditNotes.voidCreditNote(note.id);
    expect(voided.status).toBe('void');
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ balance: 0 });
  });
});
