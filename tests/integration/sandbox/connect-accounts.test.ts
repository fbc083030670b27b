import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import {
  createExpressAccount,
  formAction,
  onboardedAccount,
  onboardingLink,
  openLink,
  postForm,
  REFRESH_URL,
  RETURN_URL,
  SELLER,
} from './connect-helpers';
import { control } from './webhooks-controls';
import { startReceiver, type Receiver } from './webhooks-receiver';
import { stripeError } from './payment-helpers';

function platform(): { key: string; stripe: Stripe } {
  const key = freshSecretKey('connect');
  return { key, stripe: sandboxStripe(key) };
}

describe('connected accounts', () => {
  it('an Express account starts with requirements due and charges and payouts disabled', async () => {
    const { stripe } = platform();
    const account = await createExpressAccount(stripe, { business_type: 'individual', metadata: { seller: 'u_1' } });
    expectStripeShape(account, 'account');
    expect(account).toMatchObject({
      type: 'express',
      country: 'US',
      email: 'seller@example.com',
      business_type: 'individual',
      details_submitted: false,
      charges_enabled: false,
      payouts_enabled: false,
      capabilities: { card_payments: 'inactive', transfers: 'inactive' },
      controller: { type: 'application', stripe_dashboard: { type: 'express' }, requirement_collection: 'stripe' },
      metadata: { seller: 'u_1' },
    });
    expect(account.id).toMatch(/^acct_/);
    expect(account.requirements?.currently_due).toEqual(expect.arrayContaining(['external_account', 'tos_acceptance.date', 'individual.first_name']));
    expect(account.requirements?.disabled_reason).toBe('requirements.past_due');
    expect(await stripe.accounts.retrieve(account.id)).toEqual(account);
    const transfers = await stripe.accounts.retrieveCapability(account.id, 'transfers');
    expectStripeShape(transfers, 'capability');
    expect(transfers).toMatchObject({ account: account.id, status: 'inactive', requested: true, requirements: { disabled_reason: 'requirements.fields_needed' } });
    expect(transfers.requirements?.currently_due).toContain('external_account');
  });

  it('controller properties describe an Express account too', async () => {
    const { stripe } = platform();
    const account = await stripe.accounts.create({
      country: 'US',
      controller: { stripe_dashboard: { type: 'express' }, fees: { payer: 'application' }, losses: { payments: 'application' } },
      capabilities: { transfers: { requested: true } },
    });
    expect(account).toMatchObject({ type: 'express', capabilities: { transfers: 'inactive' } });
  });

  it('updates, lists and deletes accounts, and sends account.updated with what changed', async () => {
    const { stripe } = platform();
    const first = await createExpressAccount(stripe);
    const second = await createExpressAccount(stripe);
    const updated = await stripe.accounts.update(first.id, { business_profile: { name: 'Rocket Rides' }, metadata: { tier: 'gold' } });
    expect(updated).toMatchObject({ business_profile: { name: 'Rocket Rides' }, metadata: { tier: 'gold' } });
    const [event] = (await stripe.events.list({ type: 'account.updated' })).data;
    expect(event).toMatchObject({ account: first.id, data: { object: { id: first.id }, previous_attributes: { business_profile: { name: null }, metadata: { tier: null } } } });

    const list = await stripe.accounts.list({ limit: 10 });
    expectStripeShape(list);
    expect(list.data.map((account) => account.id)).toEqual([second.id, first.id]);

    const deleted = await stripe.accounts.del(second.id);
    expect(deleted).toEqual({ id: second.id, object: 'account', deleted: true });
    expect((await stripe.accounts.list()).data.map((account) => account.id)).toEqual([first.id]);
  });

  it('retrying a create with the same idempotency key makes the account once', async () => {
    const { stripe } = platform();
    const first = await createExpressAccount(stripe, {}, 'seller-u_7-account');
    const retried = await createExpressAccount(stripe, {}, 'seller-u_7-account');
    expect(retried.id).toBe(first.id);
    expect((await stripe.accounts.list()).data).toHaveLength(1);
  });

  it('a Stripe-Account header naming an account the platform does not have answers 403', async () => {
    const { stripe } = platform();
    const other = platform();
    const foreign = await createExpressAccount(other.stripe);
    const error = await stripeError(() => stripe.balance.retrieve({}, { stripeAccount: foreign.id }));
    expect(error).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('account_invalid');
    expect(error.message).toContain(`does not have access to account '${foreign.id}'`);
  });
});

describe('hosted onboarding', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('submitting the form enables the account, fires account.updated and returns to return_url', async () => {
    const { stripe } = platform();
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['account.updated'] });
    const before = receiver.received.length;
    const account = await createExpressAccount(stripe);
    const link = await onboardingLink(stripe, account.id);
    expectStripeShape(link, 'account_link');
    expect(link.expires_at - link.created).toBe(300);
    expect(link.url).toMatch(/\/_sandbox\/connect\/onboarding\/[A-Za-z0-9]{32}$/);

    const page = await openLink(link.url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<label for="business_name">Business name</label>');
    expect(page.html).toContain('<label for="dob">Date of birth</label>');

    const done = await postForm(formAction(page.html, link.url), SELLER, 'submit');
    expect(done).toMatchObject({ status: 303, location: RETURN_URL });

    const after = await stripe.accounts.retrieve(account.id);
    expectStripeShape(after, 'account');
    expect(after).toMatchObject({
      details_submitted: true,
      charges_enabled: true,
      payouts_enabled: true,
      business_profile: { name: 'Rocket Rides' },
      capabilities: { card_payments: 'active', transfers: 'active' },
      requirements: { currently_due: [], eventually_due: [], past_due: [], disabled_reason: null },
    });
    expect(after.external_accounts?.data[0]).toMatchObject({ object: 'bank_account', last4: '6789', routing_number: '110000000', default_for_currency: true });
    const capabilities = await stripe.accounts.listCapabilities(account.id);
    expectStripeShape(capabilities);
    expect(capabilities.data.map(({ id, status, requested }) => ({ id, status, requested }))).toEqual([
      { id: 'card_payments', status: 'active', requested: true },
      { id: 'transfers', status: 'active', requested: true },
    ]);
    const capabilityEvents = (await stripe.events.list({ type: 'capability.updated' })).data;
    expect(capabilityEvents.map((event) => [event.account, (event.data.object as Stripe.Capability).id, event.data.previous_attributes]).sort()).toEqual([
      [account.id, 'card_payments', { status: 'inactive' }],
      [account.id, 'transfers', { status: 'inactive' }],
    ]);
    const [bankEvent] = (await stripe.events.list({ type: 'account.external_account.created' })).data;
    expect(bankEvent).toMatchObject({ account: account.id, data: { object: { id: after.external_accounts?.data[0]?.id } } });

    const [delivery] = (await receiver.waitFor(before + 1)).slice(before);
    const event = stripe.webhooks.constructEvent(delivery!.body, delivery!.headers['stripe-signature'] as string, endpoint.secret!);
    expect(event).toMatchObject({ type: 'account.updated', account: account.id, data: { object: { id: account.id, charges_enabled: true, details_submitted: true } } });
    expect((event.data.previous_attributes as Partial<Stripe.Account>).charges_enabled).toBe(false);
  });

  it('a link works once: opening it again goes to refresh_url', async () => {
    const { stripe } = platform();
    const account = await createExpressAccount(stripe);
    const link = await onboardingLink(stripe, account.id);
    expect((await openLink(link.url)).status).toBe(200);
    expect(await openLink(link.url)).toMatchObject({ status: 303, location: REFRESH_URL });
  });

  it('an expired link goes to refresh_url and a fresh link still works', async () => {
    const { stripe, key } = platform();
    const account = await createExpressAccount(stripe);
    const stale = await onboardingLink(stripe, account.id);
    expect(await control(key, 'POST', '/_sandbox/connect/account_links/expire', { account: account.id })).toMatchObject({ expired: 1 });
    expect(await openLink(stale.url)).toMatchObject({ status: 303, location: REFRESH_URL });
    const fresh = await onboardingLink(stripe, account.id);
    expect((await openLink(fresh.url)).status).toBe(200);
  });

  it('leaving returns to return_url with nothing submitted', async () => {
    const { stripe } = platform();
    const account = await createExpressAccount(stripe);
    const link = await onboardingLink(stripe, account.id);
    const page = await openLink(link.url);
    expect(await postForm(formAction(page.html, link.url), {}, 'abandon')).toMatchObject({ status: 303, location: RETURN_URL });
    const after = await stripe.accounts.retrieve(account.id);
    expect(after).toMatchObject({ details_submitted: false, charges_enabled: false });
    expect(after.requirements?.currently_due?.length).toBeGreaterThan(0);
    expect(await openLink(link.url)).toMatchObject({ status: 303, location: REFRESH_URL });
  });

  it('missing details re-show the form with the errors and change nothing', async () => {
    const { stripe } = platform();
    const account = await createExpressAccount(stripe);
    const link = await onboardingLink(stripe, account.id);
    const page = await openLink(link.url);
    const action = formAction(page.html, link.url);
    const refused = await postForm(action, { ...SELLER, business_name: '', dob: '2030-01-01' }, 'submit');
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('aria-invalid="true" aria-describedby="business_name-error"');
    expect(refused.html).toContain('You must be at least 13 years old.');
    expect((await stripe.accounts.retrieve(account.id)).details_submitted).toBe(false);
    expect(await postForm(action, SELLER, 'submit')).toMatchObject({ status: 303, location: RETURN_URL });
  });

  it('requirements Stripe asks for later disable the account until a new onboarding link collects them', async () => {
    const { stripe, key } = platform();
    const account = await onboardedAccount(stripe);
    const asked = await control(key, 'POST', `/_sandbox/connect/accounts/${account.id}/requirements`, {
      currently_due: 'individual.verification.document,company.tax_id',
      past_due: 'true',
    });
    expect(asked).toMatchObject({
      capabilities: { card_payments: 'inactive', transfers: 'inactive' },
      charges_enabled: false,
      payouts_enabled: false,
      requirements: { currently_due: ['company.tax_id', 'individual.verification.document'], past_due: ['company.tax_id', 'individual.verification.document'], disabled_reason: 'requirements.past_due' },
    });
    const [event] = (await stripe.events.list({ type: 'account.updated', limit: 1 })).data;
    expect(event).toMatchObject({ account: account.id, data: { previous_attributes: { charges_enabled: true, requirements: { currently_due: [] } } } });

    const link = await onboardingLink(stripe, account.id);
    const page = await openLink(link.url);
    expect(await postForm(formAction(page.html, link.url), SELLER, 'submit')).toMatchObject({ status: 303, location: RETURN_URL });
    expect(await stripe.accounts.retrieve(account.id)).toMatchObject({ charges_enabled: true, requirements: { currently_due: [], disabled_reason: null } });
    expect(await stripe.accounts.retrieveCapability(account.id, 'transfers')).toMatchObject({ status: 'active', requirements: { currently_due: [] } });
  });

  it('account_update links are refused for Express accounts, as Stripe collects their requirements', async () => {
    const { stripe } = platform();
    const account = await createExpressAccount(stripe);
    const error = await stripeError(() => stripe.accountLinks.create({ account: account.id, type: 'account_update', refresh_url: REFRESH_URL, return_url: RETURN_URL }));
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe('You cannot create `account_update` type Account Links for this account. Valid types for this account are ["account_onboarding"].');
  });

  it('login links exist for onboarded Express accounts only', async () => {
    const { stripe } = platform();
    const fresh = await createExpressAccount(stripe);
    const early = await stripeError(() => stripe.accounts.createLoginLink(fresh.id));
    expect(early.message).toBe('Cannot create a login link for an account that has not completed onboarding.');
    const onboarded = await onboardedAccount(stripe);
    const login = await stripe.accounts.createLoginLink(onboarded.id);
    expectStripeShape(login, 'login_link');
    const dashboard = await fetch(login.url);
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain('Rocket Rides');
  });
});
