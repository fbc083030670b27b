// Found by the chaos run: an action whose Stripe request ran but whose answer was lost must, when the same form is
// sent again, get Stripe's first answer (same idempotency key), audit it once and project it — not be refused
// because the object has already moved on.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createUserAccount } from '@/lib/auth/create-user-account';
import type { SessionUser } from '@/lib/auth/require-role';
import { createDb } from '@/lib/db/client';
import { cancelPaymentIntent } from '@/lib/payments/cancel-payment-intent';
import { capturePaymentIntent } from '@/lib/payments/capture-payment-intent';
import { confirmPaymentIntent } from '@/lib/payments/confirm-payment-intent';
import { createRefund } from '@/lib/payments/create-refund';
import { chaosSecretKey } from '../../../scripts/chaos/run-chaos';
import { sandboxControls } from '../../../scripts/chaos/sandbox-controls';
import { sandboxBase, sandboxStripe } from '../../support/sandbox';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

async function adminUser(): Promise<SessionUser> {
  const email = `lost-answer-${randomUUID()}@paydesk.test`;
  const account = await createUserAccount({ email, name: 'Admin', role: 'admin', password: randomUUID() });
  return { id: account.id, email, name: 'Admin', role: 'admin' };
}

/** An account whose SDK does not retry on its own, so a lost answer reaches the action as an error. */
async function setUp(captureMethod: 'automatic' | 'manual') {
  const secretKey = chaosSecretKey();
  const stripe = sandboxStripe(secretKey, { maxNetworkRetries: 0 });
  const customer = await stripe.customers.create({ email: 'payer@example.com' });
  const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
  const intent = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd', customer: customer.id, capture_method: captureMethod, confirmation_method: 'manual', automatic_payment_methods: { enabled: true, allow_redirects: 'never' } });
  const loseNextAnswer = (path: string) => sandboxControls(sandboxBase(), secretKey).call('POST', '/_sandbox/faults', { kind: 'lost_response', mode: '500', method: 'POST', path_prefix: path });
  return { stripe, card, paymentIntentId: intent.id, loseNextAnswer, actor: await adminUser() };
}

const auditCount = (action: string, actor: SessionUser) => db.auditEntry.count({ where: { action, actorId: actor.id } });

async function sendTwice<T>(run: () => Promise<T>): Promise<T> {
  await expect(run()).rejects.toBeTruthy();
  return run();
}

describe('a form sent again after its answer was lost', () => {
  it('confirms once and audits once', async () => {
    const { stripe, card, paymentIntentId, loseNextAnswer, actor } = await setUp('automatic');
    await loseNextAnswer(`/v1/payment_intents/${paymentIntentId}/confirm`);
    const form = { paymentIntentId, paymentMethodId: card.id, idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => confirmPaymentIntent(form, { stripe, db }))).toMatchObject({ status: 'succeeded' });
    expect(await auditCount('confirm-payment-intent', actor)).toBe(1);
  });

  it('captures once and audits once', async () => {
    const { stripe, card, paymentIntentId, loseNextAnswer, actor } = await setUp('manual');
    await stripe.paymentIntents.confirm(paymentIntentId, { payment_method: card.id });
    await loseNextAnswer(`/v1/payment_intents/${paymentIntentId}/capture`);
    const form = { paymentIntentId, amount: '30.00', idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => capturePaymentIntent(form, { stripe, db }))).toMatchObject({ status: 'succeeded' });
    expect((await stripe.paymentIntents.retrieve(paymentIntentId)).amount_received).toBe(3000);
    expect(await auditCount('capture-payment-intent', actor)).toBe(1);
  });

  it('cancels once and audits once', async () => {
    const { stripe, card, paymentIntentId, loseNextAnswer, actor } = await setUp('manual');
    await stripe.paymentIntents.confirm(paymentIntentId, { payment_method: card.id });
    await loseNextAnswer(`/v1/payment_intents/${paymentIntentId}/cancel`);
    const form = { paymentIntentId, reason: 'requested_by_customer' as const, idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => cancelPaymentIntent(form, { stripe, db }))).toMatchObject({ status: 'canceled' });
    expect(await auditCount('cancel-payment-intent', actor)).toBe(1);
  });

  it('refunds in full once and audits once, and a new form is still refused', async () => {
    const { stripe, card, paymentIntentId, loseNextAnswer, actor } = await setUp('automatic');
    await stripe.paymentIntents.confirm(paymentIntentId, { payment_method: card.id });
    await loseNextAnswer('/v1/refunds');
    const form = { paymentIntentId, idempotencyNonce: randomUUID(), actor };
    expect(await sendTwice(() => createRefund(form, { stripe, db }))).toMatchObject({ amount: 5000 });
    expect((await stripe.refunds.list({ payment_intent: paymentIntentId })).data).toHaveLength(1);
    expect(await auditCount('create-refund', actor)).toBe(1);
    await expect(createRefund({ ...form, idempotencyNonce: randomUUID() }, { stripe, db })).rejects.toMatchObject({ message: 'Nothing can be refunded: it has been refunded in full.' });
  });
});

