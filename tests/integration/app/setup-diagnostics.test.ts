// Setup diagnostics against the sandbox: a SetupIntent that failed twice before a card was saved, found by its id,
// its customer's id or email, with each attempt explained in words, newest first.
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { diagnoseSetupIntents } from '@/lib/setup-diagnostics/diagnose-setup-intents';
import { sandboxStripe } from '../../support/sandbox';

async function setupWithDeclines(stripe: Stripe, cards: string[]) {
  const customer = await stripe.customers.create({ email: `saver-${randomUUID()}@example.com` });
  const intent = await stripe.setupIntents.create({ customer: customer.id, usage: 'off_session', automatic_payment_methods: { enabled: true, allow_redirects: 'never' } });
  for (const card of cards) {
    await stripe.setupIntents.confirm(intent.id, { payment_method: card }).catch((error: unknown) => {
      if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
    });
  }
  return { customer, intent };
}

describe('setup diagnostics', () => {
  it('explains each attempt newest first, with decline codes in words, and says when there is no mandate', async () => {
    const stripe = sandboxStripe();
    const { customer, intent } = await setupWithDeclines(stripe, ['pm_card_visa_chargeDeclinedInsufficientFunds', 'pm_card_chargeDeclinedExpiredCard', 'pm_card_visa']);
    const [diagnosis, ...others] = await diagnoseSetupIntents({ query: intent.id }, { stripe });
    expect(others).toHaveLength(0);
    expect(diagnosis).toMatchObject({ id: intent.id, status: 'succeeded', customerId: customer.id, usage: 'off_session', lastError: null, mandate: null, mandateNote: null });
    expect(diagnosis!.attempts.map((attempt) => attempt.status)).toEqual(['succeeded', 'failed', 'failed']);
    const [succeeded, expired, insufficient] = diagnosis!.attempts;
    expect(succeeded).toMatchObject({ error: null, paymentMethod: { id: expect.stringMatching(/^pm_/) } });
    expect(expired!.error).toMatchObject({ code: 'expired_card', explanation: 'The card has expired. The customer needs to use a card that is still valid.' });
    expect(insufficient!.error).toMatchObject({
      code: 'card_declined',
      declineCode: 'insufficient_funds',
      explanation: 'The card does not have enough money or credit left for this amount. The customer can use another card.',
    });
    expect(insufficient!.created).toBeLessThanOrEqual(succeeded!.created);
  });

  it('finds the intents of a customer by id and by email, and shows the last error of one still waiting for a card', async () => {
    const stripe = sandboxStripe();
    const { customer, intent } = await setupWithDeclines(stripe, ['pm_card_visa_chargeDeclinedInsufficientFunds']);
    const byId = await diagnoseSetupIntents({ query: customer.id }, { stripe });
    const byEmail = await diagnoseSetupIntents({ query: customer.email! }, { stripe });
    expect(byId.map((found) => found.id)).toEqual([intent.id]);
    expect(byEmail).toEqual(byId);
    expect(byId[0]).toMatchObject({ status: 'requires_payment_method', lastError: { declineCode: 'insufficient_funds' } });
    expect(byId[0]!.statusMeaning).toMatch(/Waiting for a card/);
  });

  it('finds nothing for an unknown SetupIntent and refuses a search that is neither an id nor an email', async () => {
    const stripe = sandboxStripe();
    expect(await diagnoseSetupIntents({ query: 'seti_doesnotexist' }, { stripe })).toEqual([]);
    await expect(diagnoseSetupIntents({ query: 'pi_123' }, { stripe })).rejects.toThrow(/SetupIntent id/);
  });
});
