import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { freshSecretKey } from '../../support/sandbox';
import { spawnSandbox } from '../../../sandbox/spawn-sandbox';
import { createExpressAccount, formAction, fundPlatform, onboardingLink, openLink, postForm, RETURN_URL, SELLER } from './connect-helpers';

const sandbox = await spawnSandbox();
afterAll(() => sandbox.dispose());

describe('Connect across a sandbox restart', () => {
  it('keeps accounts, an open onboarding form and the connected account balance', async () => {
    await sandbox.start();
    const stripe = new Stripe(freshSecretKey('connectrestart'), { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 });
    const account = await createExpressAccount(stripe);
    const link = await onboardingLink(stripe, account.id);
    const page = await openLink(link.url);
    expect(page.status).toBe(200);
    await sandbox.stop();
    await sandbox.start();

    expect(await postForm(formAction(page.html, link.url), SELLER, 'submit')).toMatchObject({ status: 303, location: RETURN_URL });
    await fundPlatform(stripe, 5000);
    await stripe.transfers.create({ amount: 1200, currency: 'usd', destination: account.id });
    await sandbox.stop();
    await sandbox.start();

    expect(await stripe.accounts.retrieve(account.id)).toMatchObject({ charges_enabled: true, payouts_enabled: true });
    const balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(balance.available.find((entry) => entry.currency === 'usd')?.amount).toBe(1200);
  });
});
