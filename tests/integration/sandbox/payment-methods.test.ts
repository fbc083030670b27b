import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { CARDS_ONLY, stripeError } from './payment-helpers';

const nextYear = () => new Date().getUTCFullYear() + 1;

describe('payment methods', () => {
  it('creates a card payment method from a test number, shaped like Stripe’s, without storing the number', async () => {
    const stripe = sandboxStripe();
    const created = await stripe.paymentMethods.create({
      type: 'card',
      card: { number: '4242 4242 4242 4242', exp_month: 12, exp_year: nextYear(), cvc: '314' },
      billing_details: { name: 'Ann Lee' },
      metadata: { source: 'test' },
    });
    expectStripeShape(created, 'payment_method');
    expect(created).toMatchObject({ object: 'payment_method', type: 'card', customer: null, billing_details: { name: 'Ann Lee' }, metadata: { source: 'test' } });
    expect(created.card).toMatchObject({ brand: 'visa', last4: '4242', exp_month: 12, exp_year: nextYear(), funding: 'credit', country: 'US', checks: { cvc_check: 'pass' } });
    expect(JSON.stringify(created)).not.toContain('4242424242424242');
    expect(await stripe.paymentMethods.retrieve(created.id)).toMatchObject({ id: created.id });
    const again = await stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 1, exp_year: nextYear() } });
    expect(again.card!.fingerprint).toBe(created.card!.fingerprint);
  });

  it('attaches to a customer, lists by customer and type, and detaches', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ email: 'ann@example.com' });
    const visa = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    expect(visa).toMatchObject({ customer: customer.id, card: { last4: '4242' } });
    const mastercard = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: customer.id });
    const listed = await stripe.paymentMethods.list({ customer: customer.id, type: 'card' });
    expectStripeShape(listed);
    expect(listed.data.map((pm) => pm.id)).toEqual([mastercard.id, visa.id]);
    expect((await stripe.customers.listPaymentMethods(customer.id)).data).toHaveLength(2);
    const detached = await stripe.paymentMethods.detach(visa.id);
    expect(detached.customer).toBeNull();
    expect((await stripe.paymentMethods.list({ customer: customer.id })).data.map((pm) => pm.id)).toEqual([mastercard.id]);
    expect(await stripeError(() => stripe.paymentMethods.detach(visa.id))).toMatchObject({ statusCode: 400 });
  });

  it('a card that always declines cannot be attached, but pm_card_chargeCustomerFail can', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ name: 'Ann' });
    expect(await stripeError(() => stripe.paymentMethods.attach('pm_card_visa_chargeDeclined', { customer: customer.id }))).toMatchObject({
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    const saved = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    expect(saved.customer).toBe(customer.id);
    const error = await stripeError(() =>
      stripe.paymentIntents.create({ amount: 1000, currency: 'usd', customer: customer.id, payment_method: saved.id, off_session: true, confirm: true, ...CARDS_ONLY }),
    );
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined' });
  });

  it('refuses to attach to an unknown customer or a payment method already attached elsewhere', async () => {
    const stripe = sandboxStripe();
    expect(await stripeError(() => stripe.paymentMethods.attach('pm_card_visa', { customer: 'cus_missing' }))).toMatchObject({ statusCode: 404, param: 'customer' });
    const ann = await stripe.customers.create({ name: 'Ann' });
    const bob = await stripe.customers.create({ name: 'Bob' });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: ann.id });
    expect(await stripeError(() => stripe.paymentMethods.attach(card.id, { customer: bob.id }))).toMatchObject({ statusCode: 400 });
  });

  it('updates billing details, expiry and metadata', async () => {
    const stripe = sandboxStripe();
    const card = await stripe.paymentMethods.create({ type: 'card', card: { number: '5555555555554444', exp_month: 3, exp_year: nextYear() } });
    const updated = await stripe.paymentMethods.update(card.id, { billing_details: { email: 'bob@example.com' }, card: { exp_month: 9 }, metadata: { k: 'v' } });
    expect(updated).toMatchObject({ billing_details: { email: 'bob@example.com' }, card: { exp_month: 9 }, metadata: { k: 'v' } });
  });

  it('answers 404 for an unknown payment method and 400 for types other than card', async () => {
    const stripe = sandboxStripe();
    expect(await stripeError(() => stripe.paymentMethods.retrieve('pm_missing'))).toMatchObject({ statusCode: 404, message: "No such PaymentMethod: 'pm_missing'" });
    expect(await stripeError(() => stripe.paymentMethods.create({ type: 'sepa_debit', sepa_debit: { iban: 'DE89370400440532013000' } }))).toMatchObject({ statusCode: 400, param: 'type' });
  });
});
