// Disputes and SetupIntents in the projection, from the sandbox's real events delivered in the worst order.
import { afterAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { createDb } from '@/lib/db/client';
import { sandboxStripe } from '../../support/sandbox';
import { deliver, newSecret } from './helpers';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const NO_REDIRECTS = { automatic_payment_methods: { enabled: true, allow_redirects: 'never' as const } };

/** Every event of the account, newest first (the reverse of the order Stripe made them in). */
async function allEventsNewestFirst(stripe: Stripe): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
  return events;
}

async function deliverAll(events: Stripe.Event[], stripe: Stripe): Promise<void> {
  const secret = newSecret();
  for (const event of events) expect((await deliver(db, event, secret, { stripe })).status).toBe(200);
}

describe('dispute projection', () => {
  it("ends with Stripe's dispute when its events arrive newest first: status, evidence and submissions", async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 4200, currency: 'usd', payment_method: 'pm_card_createDispute', confirm: true, ...NO_REDIRECTS });
    const [opened] = (await stripe.disputes.list({ payment_intent: intent.id })).data;
    if (!opened) throw new Error('the dispute card opened no dispute');
    await stripe.disputes.update(opened.id, { evidence: { uncategorized_text: 'losing_evidence' } });

    await deliverAll(await allEventsNewestFirst(stripe), stripe);

    const truth = await stripe.disputes.retrieve(opened.id);
    expect(truth.status).toBe('lost');
    expect(await db.stripeDispute.findUnique({ where: { id: opened.id } })).toMatchObject({
      status: 'lost',
      reason: truth.reason,
      amount: 4200,
      currency: 'usd',
      chargeId: truth.charge,
      paymentIntentId: intent.id,
      evidenceDueBy: truth.evidence_details.due_by,
      hasEvidence: true,
      submissionCount: 1,
      source: 'webhook',
    });
  });

  it('keeps an open dispute open for a stale charge.dispute.created delivered after the update', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_createDispute', confirm: true, ...NO_REDIRECTS });
    const [opened] = (await stripe.disputes.list({ payment_intent: intent.id })).data;
    await stripe.disputes.update(opened!.id, { evidence: { customer_name: 'Ada' }, submit: false });
    const events = await allEventsNewestFirst(stripe);
    const updated = events.find((event) => event.type === 'charge.dispute.updated')!;
    const created = events.find((event) => event.type === 'charge.dispute.created')!;
    await deliverAll([updated, created], stripe);
    expect(await db.stripeDispute.findUnique({ where: { id: opened!.id } })).toMatchObject({ status: 'needs_response', hasEvidence: true, submissionCount: 0 });
  });
});

describe('setup intent projection', () => {
  it("ends succeeded, with the saved card, when the earlier decline's event arrives last", async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({});
    const intent = await stripe.setupIntents.create({ customer: customer.id, ...NO_REDIRECTS });
    await stripe.setupIntents.confirm(intent.id, { payment_method: 'pm_card_visa_chargeDeclined' }).catch(() => undefined);
    const declined = await stripe.setupIntents.retrieve(intent.id);
    expect(declined.last_setup_error?.code).toBe('card_declined');
    const succeeded = await stripe.setupIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });

    await deliverAll(await allEventsNewestFirst(stripe), stripe);

    expect(await db.stripeSetupIntent.findUnique({ where: { id: intent.id } })).toMatchObject({
      status: 'succeeded',
      customerId: customer.id,
      paymentMethodId: succeeded.payment_method,
      lastSetupErrorCode: null,
      source: 'webhook',
    });
  });

  it('records the decline code of a failed setup', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.setupIntents.create({ ...NO_REDIRECTS });
    await stripe.setupIntents.confirm(intent.id, { payment_method: 'pm_card_visa_chargeDeclined' }).catch(() => undefined);
    await deliverAll((await allEventsNewestFirst(stripe)).reverse(), stripe);
    expect(await db.stripeSetupIntent.findUnique({ where: { id: intent.id } })).toMatchObject({ status: 'requires_payment_method', lastSetupErrorCode: 'card_declined', paymentMethodId: null });
  });
});
