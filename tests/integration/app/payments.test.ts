// Payment domain functions and their actions' pipeline: real SDK → sandbox → real database. Each test has its
// own sandbox account (fresh key), so "exactly one object" is counted in Stripe itself.
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { makeValidatedAction } from '@/lib/actions/make-validated-action';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/require-role';
import { createDb, inDriverTransaction } from '@/lib/db/client';
import { cancelPaymentIntent } from '@/lib/payments/cancel-payment-intent';
import { capturePaymentIntent } from '@/lib/payments/capture-payment-intent';
import { confirmPaymentIntent } from '@/lib/payments/confirm-payment-intent';
import { createPaymentIntent, type CreatePaymentIntentOptions } from '@/lib/payments/create-payment-intent';
import { createRefund } from '@/lib/payments/create-refund';
import { listRefunds } from '@/lib/payments/list-refunds';
import { capturePaymentSchema, createPaymentSchema, refundPaymentSchema } from '@/lib/payments/payment-input';
import { projectPaymentIntentResponse } from '@/lib/payments/project-payment-response';
import { retrievePayment } from '@/lib/payments/retrieve-payment';
import { applyStripeEvent } from '@/lib/webhooks/apply-stripe-event';
import { SUPPORT_REFUND_LIMIT_KEY } from '@/lib/settings/support-refund-limit';
import { sandboxStripe } from '../../support/sandbox';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const admin: SessionUser = { id: `user_${randomUUID()}`, email: 'admin@paydesk.test', name: 'Admin', role: 'admin' };
const support: SessionUser = { ...admin, id: `user_${randomUUID()}`, email: 'support@paydesk.test', role: 'support' };

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

/** A customer with a saved card, and a manually confirmed payment for them, ready for the dashboard to confirm. */
async function serverPayment(stripe: Stripe, overrides: Partial<CreatePaymentIntentOptions> = {}, card = 'pm_card_visa') {
  const customer = await stripe.customers.create({ email: 'payer@example.com' });
  const paymentMethod = await stripe.paymentMethods.attach(card, { customer: customer.id });
  const created = await createPaymentIntent(
    {
      amount: 5000,
      currency: 'usd',
      customerId: customer.id,
      metadata: { order: 'A-1' },
      captureMethod: 'automatic',
      confirmationMode: 'server',
      idempotencyNonce: randomUUID(),
      actor: admin,
      ...overrides,
    },
    { stripe, db },
  );
  return { customer, paymentMethod, paymentIntentId: created.id };
}

async function paidPayment(stripe: Stripe, overrides: Partial<CreatePaymentIntentOptions> = {}) {
  const payment = await serverPayment(stripe, overrides);
  await confirmPaymentIntent({ paymentIntentId: payment.paymentIntentId, paymentMethodId: payment.paymentMethod.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
  return payment;
}

/** What Stripe and our database hold for a payment, to show that a refused action changed neither. */
async function snapshot(stripe: Stripe, paymentIntentId: string) {
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
  const refunds = await stripe.refunds.list({ payment_intent: paymentIntentId });
  const audit = await db.auditEntry.count({ where: { OR: [{ objectId: paymentIntentId }, { objectId: { in: refunds.data.map((refund) => refund.id) } }] } });
  const projected = await db.stripePaymentIntent.findUnique({ where: { id: paymentIntentId }, select: { status: true, amountReceived: true } });
  return { status: intent.status, amountCapturable: intent.amount_capturable, amountReceived: intent.amount_received, refunds: refunds.data.length, audit, projected };
}

describe('creating a payment', () => {
  it('creates one PaymentIntent and one audit entry when the same form is submitted twice, shown at once as confirming', async () => {
    const stripe = sandboxStripe();
    const options: CreatePaymentIntentOptions = {
      amount: 1999,
      currency: 'eur',
      description: 'Order 1001',
      metadata: { order: '1001' },
      captureMethod: 'manual',
      confirmationMode: 'browser',
      idempotencyNonce: randomUUID(),
      actor: admin,
    };
    const first = await createPaymentIntent(options, { stripe, db });
    const second = await createPaymentIntent(options, { stripe, db });
    expect(second.id).toBe(first.id);
    expect((await stripe.paymentIntents.list()).data.map((intent) => intent.id)).toEqual([first.id]);

    const entries = await db.auditEntry.findMany({ where: { objectId: first.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create-payment-intent', amount: 1999, currency: 'eur', idempotencyKey: `create-payment-intent:${admin.id}:${options.idempotencyNonce}` });
    expect(entries[0]?.stripeRequestId).toMatch(/^req_/);

    const intent = await stripe.paymentIntents.retrieve(first.id);
    expect(intent).toMatchObject({ amount: 1999, currency: 'eur', capture_method: 'manual', confirmation_method: 'automatic', description: 'Order 1001', metadata: { order: '1001' } });
    const payment = await retrievePayment({ paymentIntentId: first.id }, { stripe, db });
    expect(payment).toMatchObject({ status: 'requires_payment_method', amount: 1999, isConfirming: true, refundable: 0 });
  });

  it('converts the typed amount exactly for two-, zero- and three-decimal currencies', () => {
    const parse = (amount: string, currency: string) =>
      createPaymentSchema.safeParse({ amount, currency, captureMethod: 'automatic', confirmationMode: 'browser', idempotencyNonce: randomUUID() });
    expect(parse('4.35', 'usd')).toMatchObject({ success: true, data: { amount: 435 } });
    expect(parse('1,234.56', 'USD')).toMatchObject({ success: true, data: { amount: 123456, currency: 'usd' } });
    expect(parse('5000', 'jpy')).toMatchObject({ success: true, data: { amount: 5000 } });
    expect(parse('5.120', 'kwd')).toMatchObject({ success: true, data: { amount: 5120 } });
  });

  describe('with bad input', () => {
    const stripe = sandboxStripe();
    const validatedAction = makeValidatedAction({ getUser: async () => admin });
    const action = validatedAction({ name: 'create-payment-intent', permission: 'payments:create', schema: createPaymentSchema }, (input, { user }) =>
      createPaymentIntent({ ...input, actor: user }, { stripe, db }),
    );
    const submit = (fields: Record<string, string>) =>
      action(null, form({ currency: 'usd', captureMethod: 'automatic', confirmationMode: 'browser', idempotencyNonce: randomUUID(), ...fields }));

    it.each([
      ['a negative amount', { amount: '-5' }, "The amount can't be negative."],
      ['zero', { amount: '0' }, 'Enter an amount above zero.'],
      ['more than Stripe accepts', { amount: '1000000' }, 'The most Stripe accepts in USD is $999,999.99.'],
      ['too many decimals', { amount: '10.999' }, 'USD allows at most 2 decimal places.'],
      ['decimals in a zero-decimal currency', { amount: '100.5', currency: 'jpy' }, 'JPY has no decimal places.'],
      ['less than Stripe’s minimum', { amount: '0.10' }, "Stripe's smallest payment in USD is $0.50."],
    ])('explains %s on the amount field and creates nothing', async (_label, fields, message) => {
      const auditBefore = await db.auditEntry.count();
      const result = await submit(fields);
      expect(result).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { amount: message } });
      expect((await stripe.paymentIntents.list()).data).toHaveLength(0);
      expect(await db.auditEntry.count()).toBe(auditBefore);
    });

    it('refuses an unknown currency on the currency field and creates nothing', async () => {
      const result = await submit({ amount: '10', currency: 'xyz' });
      expect(result).toMatchObject({ ok: false, fieldErrors: { currency: 'Choose a currency Paydesk accepts.' } });
      expect((await stripe.paymentIntents.list()).data).toHaveLength(0);
    });

    it('asks for a customer when the payment is to be confirmed with a saved card', async () => {
      const result = await submit({ amount: '10', confirmationMode: 'server' });
      expect(result).toMatchObject({ ok: false, fieldErrors: { customerId: expect.stringMatching(/choose its customer/) } });
      expect((await stripe.paymentIntents.list()).data).toHaveLength(0);
    });
  });
});

describe('confirming from the dashboard', () => {
  it('confirms with the customer’s saved card once, however often the form is submitted', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId, paymentMethod } = await serverPayment(stripe);
    const options = { paymentIntentId, paymentMethodId: paymentMethod.id, idempotencyNonce: randomUUID(), actor: admin };
    expect(await confirmPaymentIntent(options, { stripe, db })).toMatchObject({ status: 'succeeded' });
    expect(await confirmPaymentIntent(options, { stripe, db })).toMatchObject({ status: 'succeeded' });
    expect((await stripe.charges.list({ payment_intent: paymentIntentId })).data).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { objectId: paymentIntentId, action: 'confirm-payment-intent' } })).toBe(1);

    const payment = await retrievePayment({ paymentIntentId }, { stripe, db });
    expect(payment).toMatchObject({ status: 'succeeded', amountReceived: 5000, refundable: 5000, charge: { cardBrand: 'visa', cardLast4: '4242', outcomeType: 'authorized', riskLevel: 'normal' } });
  });

  it('explains a decline with its decline code in words and leaves the payment waiting for another card', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId, paymentMethod } = await serverPayment(stripe, {}, 'pm_card_chargeCustomerFail');
    await expect(
      confirmPaymentIntent({ paymentIntentId, paymentMethodId: paymentMethod.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db }),
    ).rejects.toMatchObject({ code: 'card_declined', message: expect.stringMatching(/^Your card was declined\. \(generic_decline\) The card issuer declined without giving a reason/) });
    const payment = await retrievePayment({ paymentIntentId }, { stripe, db });
    expect(payment).toMatchObject({ status: 'requires_payment_method', lastPaymentError: { declineCode: 'generic_decline' } });
  });

  it('leaves a card that needs 3-D Secure waiting for the customer, which can still be canceled', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId, paymentMethod } = await serverPayment(stripe, {}, 'pm_card_authenticationRequired');
    expect(await confirmPaymentIntent({ paymentIntentId, paymentMethodId: paymentMethod.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).toMatchObject({ status: 'requires_action' });
    expect((await stripe.charges.list({ payment_intent: paymentIntentId })).data.filter((charge) => charge.status === 'succeeded')).toHaveLength(0);
    await cancelPaymentIntent({ paymentIntentId, reason: 'abandoned', idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    expect(await retrievePayment({ paymentIntentId }, { stripe, db })).toMatchObject({ status: 'canceled', cancellationReason: 'abandoned' });
  });

  it('refuses a card that belongs to someone else, and a payment that is already paid, without asking Stripe to confirm', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId, paymentMethod } = await serverPayment(stripe);
    const stranger = await stripe.customers.create({ email: 'stranger@example.com' });
    const strangersCard = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: stranger.id });
    await expect(
      confirmPaymentIntent({ paymentIntentId, paymentMethodId: strangersCard.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db }),
    ).rejects.toMatchObject({ fieldErrors: { paymentMethodId: expect.stringMatching(/saved cards/) } });
    expect((await stripe.paymentIntents.retrieve(paymentIntentId)).status).toBe('requires_payment_method');

    await confirmPaymentIntent({ paymentIntentId, paymentMethodId: paymentMethod.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    await expect(
      confirmPaymentIntent({ paymentIntentId, paymentMethodId: paymentMethod.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already paid/) });
    expect((await stripe.charges.list({ payment_intent: paymentIntentId })).data).toHaveLength(1);
  });
});

describe('capturing', () => {
  it('captures part of an authorization once for a replayed form, and shows when the authorization would have expired', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId } = await paidPayment(stripe, { captureMethod: 'manual' });
    const authorized = await retrievePayment({ paymentIntentId }, { stripe, db });
    expect(authorized).toMatchObject({ status: 'requires_capture', amountCapturable: 5000, refundable: 0 });
    const charge = authorized?.charge;
    expect(charge?.captureBefore).toBeGreaterThan(Date.now() / 1000 + 6 * 24 * 3600);

    const options = { paymentIntentId, amount: '30.00', idempotencyNonce: randomUUID(), actor: admin };
    expect(await capturePaymentIntent(options, { stripe, db })).toMatchObject({ status: 'succeeded', amountReceived: 3000 });
    expect(await capturePaymentIntent(options, { stripe, db })).toMatchObject({ status: 'succeeded', amountReceived: 3000 });
    expect(await db.auditEntry.count({ where: { objectId: paymentIntentId, action: 'capture-payment-intent' } })).toBe(1);
    expect(await retrievePayment({ paymentIntentId }, { stripe, db })).toMatchObject({ status: 'succeeded', amountReceived: 3000, refundable: 3000 });
  });

  it('refuses more than is capturable, a bad amount, and capturing a canceled payment, changing nothing', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId } = await paidPayment(stripe, { captureMethod: 'manual' });
    const before = await snapshot(stripe, paymentIntentId);
    await expect(capturePaymentIntent({ paymentIntentId, amount: '50.01', idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { amount: 'At most $50.00 can be captured.' },
    });
    await expect(capturePaymentIntent({ paymentIntentId, amount: '1.234', idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      fieldErrors: { amount: 'USD allows at most 2 decimal places.' },
    });
    await expect(capturePaymentIntent({ paymentIntentId, amount: '0', idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      fieldErrors: { amount: 'Enter an amount above zero.' },
    });
    expect(await snapshot(stripe, paymentIntentId)).toEqual(before);

    await cancelPaymentIntent({ paymentIntentId, reason: 'requested_by_customer', idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    const canceled = await snapshot(stripe, paymentIntentId);
    await expect(capturePaymentIntent({ paymentIntentId, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/can't be captured: it is canceled/),
    });
    expect(await snapshot(stripe, paymentIntentId)).toEqual(canceled);
  });
});

describe('canceling', () => {
  it('cancels with Stripe’s reason once, and refuses to cancel a paid payment', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId } = await serverPayment(stripe);
    const options = { paymentIntentId, reason: 'duplicate' as const, idempotencyNonce: randomUUID(), actor: admin };
    expect(await cancelPaymentIntent(options, { stripe, db })).toMatchObject({ status: 'canceled' });
    expect(await cancelPaymentIntent(options, { stripe, db })).toMatchObject({ status: 'canceled' });
    expect((await stripe.paymentIntents.retrieve(paymentIntentId)).cancellation_reason).toBe('duplicate');
    expect(await db.auditEntry.count({ where: { objectId: paymentIntentId, action: 'cancel-payment-intent' } })).toBe(1);

    const paid = await paidPayment(stripe);
    const before = await snapshot(stripe, paid.paymentIntentId);
    await expect(cancelPaymentIntent({ ...options, paymentIntentId: paid.paymentIntentId, idempotencyNonce: randomUUID() }, { stripe, db })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/can't be canceled: it is already paid/),
    });
    expect(await snapshot(stripe, paid.paymentIntentId)).toEqual(before);
  });
});

describe('refunding', () => {
  it('makes exactly one refund when the same refund form is submitted twice', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId } = await paidPayment(stripe);
    const options = { paymentIntentId, amount: '12.50', reason: 'requested_by_customer' as const, idempotencyNonce: randomUUID(), actor: admin };
    const [first, second] = [await createRefund(options, { stripe, db }), await createRefund(options, { stripe, db })];
    expect(second.id).toBe(first.id);
    expect(await listRefunds({ paymentIntentId }, { stripe })).toEqual([expect.objectContaining({ id: first.id, amount: 1250, reason: 'requested_by_customer', status: 'succeeded' })]);
    expect(await db.auditEntry.count({ where: { objectId: first.id, action: 'create-refund' } })).toBe(1);
    expect(await retrievePayment({ paymentIntentId }, { stripe, db })).toMatchObject({ refundable: 3750, refunds: [{ id: first.id, isConfirming: true }] });
  });

  it('refunds the rest in full, once, even when a full-refund form is replayed after nothing is left', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId } = await paidPayment(stripe);
    await createRefund({ paymentIntentId, amount: '10', idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    const full = { paymentIntentId, idempotencyNonce: randomUUID(), actor: admin };
    const rest = await createRefund(full, { stripe, db });
    expect(rest.amount).toBe(4000);
    expect((await createRefund(full, { stripe, db })).id).toBe(rest.id);
    expect(await listRefunds({ paymentIntentId }, { stripe })).toHaveLength(2);
    await expect(createRefund({ paymentIntentId, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Nothing can be refunded: it has been refunded in full.',
    });
  });

  it('refuses more than is still refundable, and bad amounts, changing nothing', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId } = await paidPayment(stripe);
    await createRefund({ paymentIntentId, amount: '20', idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    const before = await snapshot(stripe, paymentIntentId);
    for (const [amount, message] of [
      ['30.01', 'At most $30.00 can be refunded.'],
      ['-1', "The amount can't be negative."],
      ['0', 'Enter an amount above zero.'],
      ['1.001', 'USD allows at most 2 decimal places.'],
      ['ten', 'Enter the amount as a number, like 1250.00.'],
    ] as const) {
      await expect(createRefund({ paymentIntentId, amount, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({ fieldErrors: { amount: message } });
    }
    expect(await snapshot(stripe, paymentIntentId)).toEqual(before);
  });

  it('refuses to refund a payment that was only authorized', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId } = await paidPayment(stripe, { captureMethod: 'manual' });
    await expect(createRefund({ paymentIntentId, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Nothing can be refunded: no money has been captured.',
    });
    expect((await stripe.refunds.list({ payment_intent: paymentIntentId })).data).toHaveLength(0);
  });

  it('lets support refund up to the limit set in Settings and refuses a minor unit more, also as a full refund', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId } = await paidPayment(stripe);
    const previous = await db.setting.findUnique({ where: { key: SUPPORT_REFUND_LIMIT_KEY } });
    await db.setting.upsert({ where: { key: SUPPORT_REFUND_LIMIT_KEY }, create: { key: SUPPORT_REFUND_LIMIT_KEY, value: '2000' }, update: { value: '2000' } });
    try {
      await expect(createRefund({ paymentIntentId, amount: '20.01', idempotencyNonce: randomUUID(), actor: support }, { stripe, db })).rejects.toMatchObject({
        code: 'over_limit',
        fieldErrors: { amount: expect.stringMatching(/at most \$20\.00/) },
      });
      await expect(createRefund({ paymentIntentId, idempotencyNonce: randomUUID(), actor: support }, { stripe, db })).rejects.toMatchObject({ code: 'over_limit' });
      expect((await stripe.refunds.list({ payment_intent: paymentIntentId })).data).toHaveLength(0);

      const refund = await createRefund({ paymentIntentId, amount: '20.00', idempotencyNonce: randomUUID(), actor: support }, { stripe, db });
      expect(refund.amount).toBe(2000);
      expect(await db.auditEntry.findFirst({ where: { objectId: refund.id } })).toMatchObject({ actorRole: 'support', amount: 2000 });
    } finally {
      if (previous) await db.setting.update({ where: { key: SUPPORT_REFUND_LIMIT_KEY }, data: { value: previous.value } });
      else await db.setting.delete({ where: { key: SUPPORT_REFUND_LIMIT_KEY } });
    }
  });

  it('runs the refund action’s pipeline: support may refund, a seller is refused before anything is read', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId } = await paidPayment(stripe);
    const actionFor = (user: SessionUser) =>
      makeValidatedAction({ getUser: async () => user })({ name: 'create-refund', permission: 'payments:refund', schema: refundPaymentSchema }, (input, context) =>
        createRefund({ ...input, actor: context.user }, { stripe, db }),
      );
    const seller: SessionUser = { ...admin, id: `user_${randomUUID()}`, role: 'seller' };
    expect(await actionFor(seller)(null, form({ paymentIntentId, amount: '1', idempotencyNonce: randomUUID() }))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await actionFor(support)(null, form({ paymentIntentId, amount: '1', reason: 'duplicate', idempotencyNonce: randomUUID() }))).toMatchObject({
      ok: true,
      data: { amount: 100, reason: 'duplicate' },
    });
    const badCapture = capturePaymentSchema.safeParse({ paymentIntentId: 'ch_123', idempotencyNonce: randomUUID() });
    expect(badCapture.success).toBe(false);
  });
});

describe('the projection after an action', () => {
  it('shows the result at once as confirming, lets the webhook confirm it, and never puts an older response over it', async () => {
    const stripe = sandboxStripe();
    const { paymentIntentId } = await paidPayment(stripe, { captureMethod: 'manual' });
    const authorized = await stripe.paymentIntents.retrieve(paymentIntentId);
    await capturePaymentIntent({ paymentIntentId, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    expect(await retrievePayment({ paymentIntentId }, { stripe, db })).toMatchObject({ status: 'succeeded', isConfirming: true });
    // The list's columns are filled by the same function the webhook uses.
    expect(await db.stripePaymentIntent.findUnique({ where: { id: paymentIntentId } })).toMatchObject({
      source: 'api_response',
      amountCapturable: 0,
      captureMethod: 'manual',
      searchText: expect.stringContaining('a-1'),
      createdDay: Math.floor(authorized.created / 86_400),
    });

    const [succeeded] = (await stripe.events.list({ type: 'payment_intent.succeeded' })).data;
    expect(succeeded).toBeDefined();
    await inDriverTransaction(db, (sql) => applyStripeEvent(succeeded!, sql));
    expect(await retrievePayment({ paymentIntentId }, { stripe, db })).toMatchObject({ status: 'succeeded', isConfirming: false });

    await projectPaymentIntentResponse(authorized, db);
    expect(await db.stripePaymentIntent.findUnique({ where: { id: paymentIntentId } })).toMatchObject({ status: 'succeeded', source: 'webhook', updatedFromEventId: succeeded!.id });
  });
});

describe('who may move money', () => {
  it('gives admins every payment action, support viewing and refunds only, sellers none of the merchant’s payments', () => {
    const actions = ['payments:view-merchant', 'payments:create', 'payments:confirm', 'payments:capture', 'payments:cancel', 'payments:refund'] as const;
    expect(actions.filter((permission) => can('admin', permission))).toEqual(actions);
    expect(actions.filter((permission) => can('support', permission))).toEqual(['payments:view-merchant', 'payments:refund']);
    expect(actions.filter((permission) => can('seller', permission))).toEqual([]);
  });
});
