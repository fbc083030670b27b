// Shared steps for the Connect tests: an Express account, its hosted onboarding driven with plain HTTP
// (as a browser would: open the link, post the form, follow the redirect), and a funded platform.
import type Stripe from 'stripe';
import { CARDS_ONLY } from './payment-helpers';

export const RETURN_URL = 'http://127.0.0.1:9/connect/return';
export const REFRESH_URL = 'http://127.0.0.1:9/connect/refresh';

export const SELLER = {
  business_name: 'Rocket Rides',
  first_name: 'Jenny',
  last_name: 'Rosen',
  dob: '1990-04-01',
  routing_number: '110000000',
  account_number: '000123456789',
};

export async function createExpressAccount(stripe: Stripe, extra: Partial<Stripe.AccountCreateParams> = {}, idempotencyKey?: string): Promise<Stripe.Account> {
  return stripe.accounts.create(
    {
      type: 'express',
      country: 'US',
      email: 'seller@example.com',
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      ...extra,
    },
    idempotencyKey ? { idempotencyKey } : {},
  );
}

export async function onboardingLink(stripe: Stripe, account: string): Promise<Stripe.AccountLink> {
  return stripe.accountLinks.create({ account, type: 'account_onboarding', refresh_url: REFRESH_URL, return_url: RETURN_URL });
}

/** GET the link as a browser: the page (200) or a redirect (its Location). */
export async function openLink(url: string): Promise<{ status: number; html: string; location: string | null }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, html: await response.text(), location: response.headers.get('location') };
}

export function formAction(html: string, pageUrl: string): string {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('the onboarding page has no form');
  return new URL(action, pageUrl).toString();
}

/** Posts the onboarding form with `fields` and the pressed button. */
export async function postForm(action: string, fields: Record<string, string>, button: 'submit' | 'abandon'): Promise<{ status: number; html: string; location: string | null }> {
  const response = await fetch(action, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, action: button }).toString(),
  });
  return { status: response.status, html: await response.text(), location: response.headers.get('location') };
}

/** A fully onboarded Express account (charges and payouts enabled). */
export async function onboardedAccount(stripe: Stripe): Promise<Stripe.Account> {
  const account = await createExpressAccount(stripe);
  const link = await onboardingLink(stripe, account.id);
  const page = await openLink(link.url);
  const done = await postForm(formAction(page.html, link.url), SELLER, 'submit');
  if (done.status !== 303) throw new Error(`onboarding answered ${done.status}: ${done.html}`);
  return stripe.accounts.retrieve(account.id);
}

/** Platform funds available at once (Stripe's bypass-pending test card), so transfers need no source charge. */
export async function fundPlatform(stripe: Stripe, amount: number): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({ amount, currency: 'usd', payment_method: 'pm_card_bypassPending', confirm: true, ...CARDS_ONLY });
}
