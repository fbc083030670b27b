import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { freshSecretKey } from '../../support/sandbox';
import { answerChallenge, CARDS_ONLY } from './payment-helpers';
import { spawnSandbox } from '../../../sandbox/spawn-sandbox';

const sandbox = await spawnSandbox();
afterAll(() => sandbox.dispose());

describe('payments across a sandbox restart', () => {
  it('keeps intents, charges, refunds and a pending 3-D Secure challenge', async () => {
    await sandbox.start();
    const stripe = new Stripe(freshSecretKey('payrestart'), { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 });
    const paid = await stripe.paymentIntents.create({ amount: 3000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const refund = await stripe.refunds.create({ payment_intent: paid.id, amount: 1000 });
    const waiting = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      return_url: 'https://shop.example/done',
      ...CARDS_ONLY,
    });
    await sandbox.stop();
    await sandbox.start();

    expect(await stripe.charges.retrieve(paid.latest_charge as string)).toMatchObject({ amount_refunded: 1000, refunded: false });
    expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({ amount: 1000, status: 'succeeded' });
    const answer = await answerChallenge(waiting.next_action!.redirect_to_url!.url!, 'complete');
    expect(answer.status).toBe(303);
    expect(await stripe.paymentIntents.retrieve(waiting.id)).toMatchObject({ status: 'succeeded' });
  });
});
