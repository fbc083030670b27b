import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { rawRequest } from './helpers';
import { CARDS_ONLY, stripeError } from './payment-helpers';

interface Account {
  key: string;
  stripe: Stripe;
}

function account(): Account {
  const key = freshSecretKey('disputes');
  return { key, stripe: sandboxStripe(key) };
}

async function pay(stripe: Stripe, paymentMethod: string, amount = 5000): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({ amount, currency: 'usd', payment_method: paymentMethod, confirm: true, ...CARDS_ONLY });
}

/** The dispute the card network opened on the intent's charge. */
async function disputeOf(stripe: Stripe, intent: Stripe.PaymentIntent): Promise<Stripe.Dispute> {
  const list = await stripe.disputes.list({ payment_intent: intent.id });
  expectStripeShape(list);
  expect(list.data).toHaveLength(1);
  return list.data[0]!;
}

async function disputed(stripe: Stripe, paymentMethod = 'pm_card_createDispute'): Promise<Stripe.Dispute> {
  return disputeOf(stripe, await pay(stripe, paymentMethod));
}

async function eventsOf(stripe: Stripe, type: string, disputeId: string): Promise<Stripe.Event[]> {
  const events = await stripe.events.list({ type, limit: 100 });
  return events.data.filter((event) => (event.data.object as { id?: string }).id === disputeId);
}

describe('disputes', () => {
  it('the fraudulent dispute card opens a chargeback that withdraws the amount and a 15.00 fee', async () => {
    const { stripe } = account();
    const intent = await pay(stripe, 'pm_card_createDispute');
    expect(intent.status).toBe('succeeded');
    const dispute = await disputeOf(stripe, intent);
    expectStripeShape(dispute, 'dispute');
    expect(dispute).toMatchObject({
      amount: 5000,
      currency: 'usd',
      charge: intent.latest_charge,
      payment_intent: intent.id,
      reason: 'fraudulent',
      status: 'needs_response',
      is_charge_refundable: false,
      evidence_details: { has_evidence: false, submission_count: 0, past_due: false },
      payment_method_details: { type: 'card', card: { case_type: 'chargeback' } },
    });
    expect(dispute.evidence_details.due_by).toBeGreaterThan(dispute.created);
    expect(dispute.balance_transactions).toHaveLength(1);
    expect(dispute.balance_transactions[0]).toMatchObject({ amount: -5000, fee: 1500, net: -6500, reporting_category: 'dispute', source: dispute.id });
    expect(await stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({ disputed: true });
    expect(await eventsOf(stripe, 'charge.dispute.created', dispute.id)).toHaveLength(1);
    expect(await eventsOf(stripe, 'charge.dispute.funds_withdrawn', dispute.id)).toHaveLength(1);
  });

  it('the inquiry card opens an inquiry that moves no money', async () => {
    const { stripe } = account();
    const dispute = await disputed(stripe, 'pm_card_createDisputeInquiry');
    expectStripeShape(dispute, 'dispute');
    expect(dispute).toMatchObject({ status: 'warning_needs_response', balance_transactions: [], is_charge_refundable: true });
    expect(dispute.payment_method_details?.card?.case_type).toBe('inquiry');
  });

  it('the card numbers open disputes too', async () => {
    const { stripe } = account();
    const paymentMethod = await stripe.paymentMethods.create({ type: 'card', card: { number: '4000000000000259', exp_month: 12, exp_year: 2040, cvc: '123' } });
    const dispute = await disputed(stripe, paymentMethod.id);
    expect(dispute.status).toBe('needs_response');
  });

  it('retrieves a dispute and lists by charge and created', async () => {
    const { stripe } = account();
    const dispute = await disputed(stripe);
    const fetched = await stripe.disputes.retrieve(dispute.id);
    expectStripeShape(fetched, 'dispute');
    expect(fetched).toEqual(dispute);
    expect((await stripe.disputes.list({ charge: dispute.charge as string })).data.map((d) => d.id)).toEqual([dispute.id]);
    expect((await stripe.disputes.list({ created: { gt: dispute.created } })).data).toEqual([]);
    expect((await stripe.disputes.list({ charge: 'ch_other' })).data).toEqual([]);
  });

  it('stages evidence with submit=false and keeps the dispute open', async () => {
    const { stripe } = account();
    const dispute = await disputed(stripe);
    const staged = await stripe.disputes.update(dispute.id, {
      evidence: { customer_name: 'Ada Lovelace', product_description: 'A year of Paydesk' },
      metadata: { case: 'C-1' },
      submit: false,
    });
    expectStripeShape(staged, 'dispute');
    expect(staged).toMatchObject({
      status: 'needs_response',
      metadata: { case: 'C-1' },
      evidence: { customer_name: 'Ada Lovelace', product_description: 'A year of Paydesk', uncategorized_text: null },
      evidence_details: { has_evidence: true, submission_count: 0 },
    });
    const [updated] = await eventsOf(stripe, 'charge.dispute.updated', dispute.id);
    expect(updated?.data.previous_attributes).toMatchObject({ evidence: { customer_name: null }, metadata: { case: null } });
  });

  it('submits by default, then locks the evidence', async () => {
    const { stripe } = account();
    const dispute = await disputed(stripe);
    await stripe.disputes.update(dispute.id, { evidence: { customer_name: 'Ada' }, submit: false });
    const submitted = await stripe.disputes.update(dispute.id, { evidence: { customer_email_address: 'ada@example.com' } });
    expectStripeShape(submitted, 'dispute');
    expect(submitted).toMatchObject({
      status: 'under_review',
      evidence: { customer_name: 'Ada', customer_email_address: 'ada@example.com' },
      evidence_details: { has_evidence: true, submission_count: 1, past_due: false, submission_method: 'manual' },
    });
    const error = await stripeError(() => stripe.disputes.update(dispute.id, { evidence: { customer_name: 'Eve' } }));
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'evidence' });
    expect(error.message).toContain('already been submitted');
    // Metadata stays editable after submission.
    const tagged = await stripe.disputes.update(dispute.id, { metadata: { note: 'x' }, submit: false });
    expect(tagged).toMatchObject({ status: 'under_review', metadata: { note: 'x' }, evidence: { customer_name: 'Ada' } });
  });

  it('an inquiry goes to warning_under_review when submitted', async () => {
    const { stripe } = account();
    const dispute = await disputed(stripe, 'pm_card_createDisputeInquiry');
    const submitted = await stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'Signed for delivery' } });
    expect(submitted.status).toBe('warning_under_review');
  });

  it('rejects evidence text over Stripe’s limits', async () => {
    const { stripe } = account();
    const dispute = await disputed(stripe);
    const tooLong = await stripeError(() => stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'x'.repeat(20_001) }, submit: false }));
    expect(tooLong).toMatchObject({ statusCode: 400, param: 'evidence[uncategorized_text]' });
    const fields = ['access_activity_log', 'cancellation_rebuttal', 'duplicate_charge_explanation', 'product_description', 'refund_policy_disclosure', 'refund_refusal_explanation', 'uncategorized_text', 'cancellation_policy_disclosure'] as const;
    const evidence = Object.fromEntries(fields.map((field) => [field, 'y'.repeat(20_000)]));
    const combined = await stripeError(() => stripe.disputes.update(dispute.id, { evidence, submit: false }));
    expect(combined).toMatchObject({ statusCode: 400, param: 'evidence' });
    expect(combined.message).toContain('150,000');
  });

  it('closing accepts the loss', async () => {
    const { stripe } = account();
    const dispute = await disputed(stripe);
    const closed = await stripe.disputes.close(dispute.id);
    expectStripeShape(closed, 'dispute');
    expect(closed.status).toBe('lost');
    expect(closed.balance_transactions).toHaveLength(1);
    const [event] = await eventsOf(stripe, 'charge.dispute.closed', dispute.id);
    expect(event?.data.previous_attributes).toMatchObject({ status: 'needs_response' });
    const again = await stripeError(() => stripe.disputes.close(dispute.id));
    expect(again).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    const late = await stripeError(() => stripe.disputes.update(dispute.id, { evidence: { customer_name: 'Ada' } }));
    expect(late.message).toContain('already closed');
  });

  it('winning_evidence wins the dispute and reinstates the funds', async () => {
    const { stripe } = account();
    const dispute = await disputed(stripe);
    const submitted = await stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'winning_evidence' } });
    expect(submitted.status).toBe('under_review');
    const settled = await stripe.disputes.retrieve(dispute.id);
    expectStripeShape(settled, 'dispute');
    expect(settled.status).toBe('won');
    expect(settled.balance_transactions.map((t) => [t.amount, t.fee, t.reporting_category])).toEqual([
      [-5000, 1500, 'dispute'],
      [5000, 0, 'dispute_reversal'],
    ]);
    expect(await eventsOf(stripe, 'charge.dispute.funds_reinstated', dispute.id)).toHaveLength(1);
    const [closed] = await eventsOf(stripe, 'charge.dispute.closed', dispute.id);
    expect(closed?.data.previous_attributes).toMatchObject({ status: 'under_review' });
  });

  it('losing_evidence loses the dispute and nothing comes back', async () => {
    const { stripe } = account();
    const dispute = await disputed(stripe);
    await stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'losing_evidence' } });
    const settled = await stripe.disputes.retrieve(dispute.id);
    expect(settled.status).toBe('lost');
    expect(settled.balance_transactions).toHaveLength(1);
    expect(await eventsOf(stripe, 'charge.dispute.closed', dispute.id)).toHaveLength(1);
  });

  it('the test trigger disputes any charge and the outcome control decides it', async () => {
    const { key, stripe } = account();
    const intent = await pay(stripe, 'pm_card_visa');
    const opened = await rawRequest('POST', '/_sandbox/disputes', { key, form: `charge=${intent.latest_charge as string}&reason=product_not_received` });
    expect(opened.status).toBe(200);
    expectStripeShape(opened.body, 'dispute');
    expect(opened.body).toMatchObject({ reason: 'product_not_received', status: 'needs_response' });
    const twice = await rawRequest('POST', '/_sandbox/disputes', { key, form: `charge=${intent.latest_charge as string}` });
    expect(twice.status).toBe(400);
    const won = await rawRequest('POST', `/_sandbox/disputes/${opened.body.id as string}/outcome`, { key, form: 'outcome=won' });
    expect(won.body).toMatchObject({ status: 'won' });
    const again = await rawRequest('POST', `/_sandbox/disputes/${opened.body.id as string}/outcome`, { key, form: 'outcome=lost' });
    expect(again.status).toBe(400);
  });

  it('answers 404 for unknown disputes and charges', async () => {
    const { key, stripe } = account();
    const missing = await stripeError(() => stripe.disputes.retrieve('dp_missing'));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such dispute: 'dp_missing'" });
    expect(await stripeError(() => stripe.disputes.update('dp_missing', { metadata: { a: 'b' } }))).toMatchObject({ statusCode: 404 });
    expect(await stripeError(() => stripe.disputes.close('dp_missing'))).toMatchObject({ statusCode: 404 });
    const trigger = await rawRequest('POST', '/_sandbox/disputes', { key, form: 'charge=ch_missing' });
    expect(trigger.status).toBe(404);
  });
});
