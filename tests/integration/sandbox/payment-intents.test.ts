import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { onboardedAccount } from './connect-helpers';
import { rawRequest } from './helpers';
import { CARDS_ONLY, stripeError } from './payment-helpers';


describe('payment intents', () => {
  it('creates an intent awaiting a payment method, shaped like Stripe’s, with Stripe’s defaults', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 2000, currency: 'USD', description: 'Order 1', metadata: { order: '1' } });
    expectStripeShape(intent, 'payment_intent');
    expect(intent).toMatchObject({
      amount: 2000,
      currency: 'usd',
      status: 'requires_payment_method',
      capture_method: 'automatic_async',
      confirmation_method: 'automatic',
      automatic_payment_methods: { enabled: true },
      amount_capturable: 0,
      amount_received: 0,
      latest_charge: null,
      description: 'Order 1',
      metadata: { order: '1' },
      livemode: false,
    });
    expect(intent.id).toMatch(/^pi_/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
    expect(await stripe.paymentIntents.retrieve(intent.id, { client_secret: intent.client_secret! })).toMatchObject({ id: intent.id });
  });

  it('charges at once with confirm=true and automatic capture: succeeded, amount received, a captured charge', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ email: 'ann@example.com' });
    const intent = await stripe.paymentIntents.create({
      amount: 1999,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      receipt_email: 'ann@example.com',
      statement_descriptor_suffix: 'ORDER 7',
      ...CARDS_ONLY,
    });
    expectStripeShape(intent, 'payment_intent');
    expect(intent).toMatchObject({ status: 'succeeded', amount_received: 1999, amount_capturable: 0, customer: customer.id, next_action: null });
    expect(intent.payment_method).toMatch(/^pm_/);
    expect(intent.payment_method).not.toBe('pm_card_visa');
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expectStripeShape(charge, 'charge');
    expect(charge).toMatchObject({
      amount: 1999,
      amount_captured: 1999,
      amount_refunded: 0,
      captured: true,
      paid: true,
      refunded: false,
      disputed: false,
      status: 'succeeded',
      customer: customer.id,
      payment_intent: intent.id,
      receipt_email: 'ann@example.com',
      statement_descriptor_suffix: 'ORDER 7',
      failure_code: null,
      outcome: { network_status: 'approved_by_network', type: 'authorized', risk_level: 'normal', seller_message: 'Payment complete.' },
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242', funding: 'credit', country: 'US', checks: { cvc_check: 'pass' } } },
    });
    expect(charge.balance_transaction).toMatch(/^txn_/);
    expect(charge.receipt_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_sandbox\/receipts\/ch_/);
  });

  it('confirms from the server in a second step (requires_confirmation → succeeded)', async () => {
    const stripe = sandboxStripe();
    const created = await stripe.paymentIntents.create({ amount: 1500, currency: 'eur', payment_method: 'pm_card_mastercard', ...CARDS_ONLY });
    expect(created.status).toBe('requires_confirmation');
    const confirmed = await stripe.paymentIntents.confirm(created.id);
    expectStripeShape(confirmed, 'payment_intent');
    expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 1500, currency: 'eur' });
  });

  it('supports manual confirmation: the server confirms, and a payment method can be given at confirm time', async () => {
    const stripe = sandboxStripe();
    const created = await stripe.paymentIntents.create({ amount: 800, currency: 'usd', confirmation_method: 'manual', ...CARDS_ONLY });
    expect(created).toMatchObject({ status: 'requires_payment_method', confirmation_method: 'manual' });
    const confirmed = await stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_amex' });
    expect(confirmed.status).toBe('succeeded');
    const charge = await stripe.charges.retrieve(confirmed.latest_charge as string);
    expect(charge.payment_method_details?.card).toMatchObject({ brand: 'amex', last4: '0005' });
  });

  it('holds the funds with manual capture, then captures the full amount', async () => {
    const stripe = sandboxStripe();
    const held = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    expect(held).toMatchObject({ status: 'requires_capture', amount_capturable: 5000, amount_received: 0 });
    const uncaptured = await stripe.charges.retrieve(held.latest_charge as string);
    expect(uncaptured).toMatchObject({ captured: false, amount_captured: 0, paid: true, status: 'succeeded', balance_transaction: null });
    expectStripeShape(uncaptured, 'charge');

    const captured = await stripe.paymentIntents.capture(held.id);
    expectStripeShape(captured, 'payment_intent');
    expect(captured).toMatchObject({ status: 'succeeded', amount_capturable: 0, amount_received: 5000 });
    const charge = await stripe.charges.retrieve(held.latest_charge as string);
    expect(charge).toMatchObject({ captured: true, amount_captured: 5000, amount_refunded: 0, refunded: false });
    expect(charge.balance_transaction).toMatch(/^txn_/);
  });

  it('captures part of a hold and releases the rest', async () => {
    const stripe = sandboxStripe();
    const held = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const captured = await stripe.paymentIntents.capture(held.id, { amount_to_capture: 3000 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 3000, amount_capturable: 0 });
    const charge = await stripe.charges.retrieve(held.latest_charge as string, { expand: ['balance_transaction'] });
    expect(charge).toMatchObject({ amount: 5000, amount_captured: 3000, amount_refunded: 2000, refunded: false, captured: true });
    expect(charge.balance_transaction).toMatchObject({ object: 'balance_transaction', amount: 3000, type: 'charge' });
  });

  it('cancels an intent with a reason; canceling a hold releases it on the charge', async () => {
    const stripe = sandboxStripe();
    const open = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const canceled = await stripe.paymentIntents.cancel(open.id, { cancellation_reason: 'requested_by_customer' });
    expectStripeShape(canceled, 'payment_intent');
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'requested_by_customer' });
    expect(canceled.canceled_at).toEqual(expect.any(Number));

    const held = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const released = await stripe.paymentIntents.cancel(held.id);
    expect(released).toMatchObject({ status: 'canceled', amount_capturable: 0, cancellation_reason: null });
    expect(await stripe.charges.retrieve(held.latest_charge as string)).toMatchObject({ captured: false, refunded: true, amount_refunded: 1000 });
  });

  it('stores and returns the Connect fields and statement descriptors', async () => {
    const stripe = sandboxStripe();
    // Stripe checks that the destination and on_behalf_of are the platform's own connected accounts.
    const { id: seller } = await onboardedAccount(stripe);
    const intent = await stripe.paymentIntents.create({
      amount: 10000,
      currency: 'usd',
      application_fee_amount: 1230,
      transfer_data: { destination: seller },
      on_behalf_of: seller,
      transfer_group: 'ORDER_42',
      statement_descriptor: 'PAYDESK',
      setup_future_usage: 'off_session',
      payment_method: 'pm_card_visa',
      confirm: true,
      ...CARDS_ONLY,
    });
    expect(intent).toMatchObject({
      application_fee_amount: 1230,
      transfer_data: { destination: seller },
      on_behalf_of: seller,
      transfer_group: 'ORDER_42',
      statement_descriptor: 'PAYDESK',
      setup_future_usage: 'off_session',
    });
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ application_fee_amount: 1230, on_behalf_of: seller, transfer_group: 'ORDER_42', transfer_data: { destination: seller } });
    expect((await stripe.charges.list({ transfer_group: 'ORDER_42' })).data.map((c) => c.id)).toEqual([charge.id]);
    expect(await stripeError(() => stripe.paymentIntents.create({ amount: 100, currency: 'usd', application_fee_amount: 101 }))).toMatchObject({
      statusCode: 400,
      param: 'application_fee_amount',
    });
  });

  it('saves the card to the customer when setup_future_usage is set', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ name: 'Ann' });
    const intent = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      customer: customer.id,
      setup_future_usage: 'off_session',
      payment_method: 'pm_card_visa',
      confirm: true,
      ...CARDS_ONLY,
    });
    const saved = await stripe.paymentMethods.list({ customer: customer.id, type: 'card' });
    expect(saved.data.map((pm) => pm.id)).toEqual([intent.payment_method]);
  });

  it('updates metadata and amount before payment, and refuses to change the amount afterwards', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', metadata: { a: '1' }, ...CARDS_ONLY });
    const updated = await stripe.paymentIntents.update(intent.id, { amount: 1200, metadata: { b: '2' }, description: 'Bigger', payment_method: 'pm_card_visa' });
    expect(updated).toMatchObject({ amount: 1200, metadata: { a: '1', b: '2' }, description: 'Bigger', status: 'requires_confirmation' });
    const paid = await stripe.paymentIntents.confirm(intent.id);
    expect(paid.amount_received).toBe(1200);
    expect(await stripe.paymentIntents.update(intent.id, { metadata: { c: '3' } })).toMatchObject({ metadata: { a: '1', b: '2', c: '3' } });
    const refused = await stripeError(() => stripe.paymentIntents.update(intent.id, { amount: 5 }));
    expect(refused).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(refused.message).toContain('could not be updated because it has a status of succeeded');
  });

  it('enforces Stripe’s minimum amounts per currency and handles zero-decimal currencies', async () => {
    const stripe = sandboxStripe();
    const tooSmall = await stripeError(() => stripe.paymentIntents.create({ amount: 49, currency: 'usd' }));
    expect(tooSmall).toMatchObject({ statusCode: 400, code: 'amount_too_small', param: 'amount', message: 'Amount must be at least $0.50 usd' });
    const yen = await stripe.paymentIntents.create({ amount: 500, currency: 'jpy', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    expect(yen).toMatchObject({ amount: 500, currency: 'jpy', status: 'succeeded' });
    expect((await stripeError(() => stripe.paymentIntents.create({ amount: 49, currency: 'jpy' }))).message).toBe('Amount must be at least ¥50 jpy');
    expect(await stripeError(() => stripe.paymentIntents.create({ amount: 100, currency: 'xyz' }))).toMatchObject({ statusCode: 400, param: 'currency' });
  });

  it('requires a return_url to confirm when automatic payment methods may redirect', async () => {
    const stripe = sandboxStripe();
    const error = await stripeError(() => stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true }));
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    expect(error.message).toContain('you must provide a `return_url`');
    const noRedirects = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    });
    expect(noRedirects.status).toBe('succeeded');
    const withReturn = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, return_url: 'https://shop.example/done' });
    expect(withReturn.status).toBe('succeeded');
  });

  it('takes allowed_payment_method_types (API 2026-10-28) and refuses the removed payment_method_types parameter', async () => {
    const key = freshSecretKey();
    const stripe = sandboxStripe(key);
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card', 'ideal'] });
    expectStripeShape(intent, 'payment_intent');
    expect(intent).toMatchObject({ allowed_payment_method_types: ['card', 'ideal'], payment_method_types: ['card'], automatic_payment_methods: null });
    // The SDK's types no longer offer the old parameter, so it goes out raw, as older code would send it.
    const removed = await rawRequest('POST', '/v1/payment_intents', { key, form: 'amount=1000&currency=usd&payment_method_types[]=card' });
    expect(removed.status).toBe(400);
    expect(removed.body.error).toMatchObject({ code: 'payment_method_types_no_longer_supported', param: 'payment_method_types' });
    const both = await stripeError(() =>
      stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'], automatic_payment_methods: { enabled: true } }),
    );
    expect(both).toMatchObject({ statusCode: 400, code: 'parameters_exclusive' });
  });

  it('lists intents newest first, filtered by customer and created', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ name: 'Ann' });
    const mine = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', customer: customer.id });
    const other = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd' });
    const all = await stripe.paymentIntents.list();
    expectStripeShape(all);
    expect(all.data.map((pi) => pi.id)).toEqual([other.id, mine.id]);
    expect((await stripe.paymentIntents.list({ customer: customer.id })).data.map((pi) => pi.id)).toEqual([mine.id]);
    expect((await stripe.paymentIntents.list({ created: { gte: mine.created } })).data).toHaveLength(2);
  });

  it('finds intents with search: status and amount, metadata', async () => {
    const stripe = sandboxStripe();
    const big = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, metadata: { order: 'A1' }, ...CARDS_ONLY });
    await stripe.paymentIntents.create({ amount: 900, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const open = await stripe.paymentIntents.create({ amount: 7000, currency: 'usd', metadata: { order: 'B2' } });
    const found = await stripe.paymentIntents.search({ query: "status:'succeeded' AND amount>1000" });
    expectStripeShape(found);
    expect(found).toMatchObject({ object: 'search_result', url: '/v1/payment_intents/search' });
    expect(found.data.map((pi) => pi.id)).toEqual([big.id]);
    expect((await stripe.paymentIntents.search({ query: "metadata['order']:'B2'" })).data.map((pi) => pi.id)).toEqual([open.id]);
    expect((await stripeError(() => stripe.paymentIntents.search({ query: "colour:'red'" }))).message).toMatch(/unsupported search field/);
  });

  it('expands latest_charge and latest_charge.balance_transaction', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const expanded = await stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge.balance_transaction', 'payment_method'] });
    expectStripeShape(expanded, 'payment_intent');
    const charge = expanded.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ object: 'charge', id: intent.latest_charge });
    expect(charge.balance_transaction).toMatchObject({ object: 'balance_transaction', amount: 2000, fee: 88, net: 1912 });
    expect(expanded.payment_method).toMatchObject({ object: 'payment_method', id: intent.payment_method });
  });

  it('answers 404 in Stripe’s words for unknown intents, charges and payment methods', async () => {
    const stripe = sandboxStripe();
    expect(await stripeError(() => stripe.paymentIntents.retrieve('pi_missing'))).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such payment_intent: 'pi_missing'" });
    expect(await stripeError(() => stripe.paymentIntents.confirm('pi_missing'))).toMatchObject({ statusCode: 404 });
    expect(await stripeError(() => stripe.charges.retrieve('ch_missing'))).toMatchObject({ statusCode: 404, message: "No such charge: 'ch_missing'" });
    expect(await stripeError(() => stripe.paymentIntents.create({ amount: 100, currency: 'usd', payment_method: 'pm_nope' }))).toMatchObject({
      statusCode: 404,
      param: 'payment_method',
      message: "No such PaymentMethod: 'pm_nope'",
    });
    expect(await stripeError(() => stripe.paymentIntents.create({ amount: 100, currency: 'usd', customer: 'cus_nope' }))).toMatchObject({ statusCode: 404, param: 'customer' });
  });
});
