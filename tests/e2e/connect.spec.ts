// Connect in Chromium against the sandbox: an admin invites a seller, the seller onboards on the sandbox's hosted
// page (an expired link on the way goes through refresh_url to a fresh one), the return page waits for
// account.updated; then the admin takes a destination charge for the seller, pays them out and reconciles the order.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { postAs, serverActionFields } from './fixtures/forged-post';
import { storageStateOf } from './fixtures/roles';

const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 12198);
const sandbox = `http://127.0.0.1:${sandboxPort}`;
// The app's own sandbox key: the platform whose onboarding links the test control expires.
const PLATFORM_KEY = 'sk_test_paydesk_sandbox';
const PASSWORD = 'seller-first-password';

test.describe.configure({ mode: 'serial' });
test.use({ storageState: storageStateOf('admin') });

const unique = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
const seller = { name: `Rita Rivers ${unique}`, email: `rita-${unique}@example.com` };
const sellerState = `test-results/.auth/connect-seller-${unique}.json`;
let accountId = '';

async function signInAsSeller(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(seller.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await context.storageState({ path: sellerState });
  return page;
}

async function expireOnboardingLinks(): Promise<void> {
  const response = await fetch(`${sandbox}/_sandbox/connect/account_links/expire`, { method: 'POST', headers: { Authorization: `Bearer ${PLATFORM_KEY}` } });
  expect(response.ok).toBe(true);
}

test('an admin invites a seller, who onboards on Stripe’s hosted page (past an expired link) and sees charges enabled once the webhook arrives', async ({ page, browser }) => {
  await page.goto('/connect');
  const invite = page.getByRole('form', { name: 'Invite a seller' });
  await invite.getByLabel('Seller name').fill(seller.name);
  await invite.getByLabel('Seller email').fill(seller.email);
  await invite.getByLabel('First password').fill(PASSWORD);
  await invite.getByRole('button', { name: 'Invite seller' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invited ${seller.email}` })).toBeVisible();

  const sellerPage = await signInAsSeller(browser);
  await sellerPage.goto('/connect');
  await expect(sellerPage.getByLabel('Account status')).toHaveText('Onboarding not started');
  await sellerPage.getByRole('button', { name: 'Start onboarding' }).click();
  await expect(sellerPage).toHaveURL(new RegExp(`^${sandbox}/_sandbox/connect/onboarding/`));
  await expect(sellerPage.getByLabel('Business name')).toBeVisible();
  const firstLink = sellerPage.url();

  // Five minutes pass: the link is dead, Stripe sends the seller to refresh_url, which opens a fresh link.
  await expireOnboardingLinks();
  await sellerPage.goto(firstLink);
  await expect(sellerPage).toHaveURL(new RegExp(`^${sandbox}/_sandbox/connect/onboarding/`));
  expect(sellerPage.url()).not.toBe(firstLink);
  await expect(sellerPage.getByLabel('Business name')).toBeVisible();

  await sellerPage.getByLabel('Business name').fill(`Rivers Pottery ${unique}`);
  await sellerPage.getByLabel('First name').fill('Rita');
  await sellerPage.getByLabel('Last name').fill('Rivers');
  await sellerPage.getByLabel('Date of birth').fill('1990-04-01');
  await sellerPage.getByRole('button', { name: 'Submit' }).click();

  await expect(sellerPage).toHaveURL(/\/connect\/return$/);
  await expect(sellerPage.getByRole('status').filter({ hasText: 'Charges enabled' })).toBeVisible({ timeout: 20_000 });
  await sellerPage.goto('/connect');
  await expect(sellerPage.getByLabel('Account status')).toHaveText('Charges enabled, payouts enabled');
  await expect(sellerPage.getByRole('button', { name: /onboarding/ })).toHaveCount(0);
  await sellerPage.context().close();

  await page.goto('/connect');
  await page.getByRole('link', { name: seller.name }).first().click();
  await expect(page).toHaveURL(/\/connect\/accounts\/acct_/);
  accountId = page.url().split('/').pop()!;
  await expect(page.getByLabel('Account status')).toHaveText('Charges enabled, payouts enabled');
  await expect(page.getByRole('table', { name: /What each account update added or cleared/ })).toContainText('Bank account for payouts');
});

test('an admin takes a destination charge for the seller, sees fee, transfer and payout on the order’s reconciliation, and refunds part of it', async ({ page }) => {
  expect(accountId, 'the onboarding test made the account').toMatch(/^acct_/);
  const orderReference = `O-${unique}`;
  await page.goto(`/connect/accounts/${accountId}`);
  await page.getByRole('link', { name: 'New destination charge' }).click();
  const chargeForm = page.getByRole('form', { name: 'Destination charge' });
  await chargeForm.getByLabel('Amount (USD)').fill('100.00');
  await chargeForm.getByLabel('Platform fee (USD)').fill('100.00');
  await chargeForm.getByLabel('Order reference').fill(orderReference);
  await chargeForm.getByRole('button', { name: 'Continue to card' }).click();
  await expect(chargeForm.getByText('The platform fee must be less than the amount ($100.00).')).toBeVisible();
  await chargeForm.getByLabel('Platform fee (USD)').fill('15.00');
  await chargeForm.getByRole('button', { name: 'Continue to card' }).click();

  await expect(page).toHaveURL(/\/payments\/new\/confirm\?payment_intent=pi_/);
  // Stripe's test card whose funds are available at once, so the seller can be paid out straight away.
  await page.getByLabel('Card number').fill('4000 0000 0000 0077');
  await page.getByLabel('Expiration date').fill('12 / 34');
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('ZIP / Postal code').fill('10001');
  await page.getByRole('button', { name: 'Pay $100.00' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payment succeeded' })).toBeVisible();

  await page.goto(`/connect/accounts/${accountId}`);
  await expect(page.getByLabel('Available balance')).toHaveText('$85.00');
  await page.getByRole('button', { name: 'Pay out available balance' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Payout po_\w+ of \$85\.00 created/ })).toBeVisible();

  await page.goto(`/connect/orders/order_${orderReference}`);
  const section = (name: string) => page.getByRole('region', { name, exact: true });
  await expect(async () => {
    await page.reload();
    await expect(section('Charge')).toContainText('$100.00', { timeout: 1000 });
    await expect(section('Platform fee')).toContainText('$15.00', { timeout: 1000 });
    await expect(section('Transfer')).toContainText('$100.00', { timeout: 1000 });
    await expect(section('Seller payouts since this order')).toContainText('$85.00', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(section('Seller payouts since this order')).toContainText('paid');

  // A partial refund of the order takes back the seller's share and the platform fee in proportion.
  const refund = page.getByRole('form', { name: /^Refund ch_/ });
  await refund.getByLabel('Refund amount').fill('20.00');
  await refund.getByRole('button', { name: 'Refund order' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Refund re_\w+ of \$20\.00 created/ })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(section('Refunds')).toContainText('$20.00', { timeout: 1000 });
    await expect(section('Fee refunds')).toContainText('$3.00', { timeout: 1000 });
    await expect(section('Transfer reversals')).toContainText('$20.00', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test('a seller sees their payment net of the platform fee, and reaches neither the account’s admin page nor the platform’s actions', async ({ page, browser }) => {
  expect(accountId).toMatch(/^acct_/);
  const context = await browser.newContext({ storageState: sellerState });
  const sellerPage = await context.newPage();
  // Their own payment is there, net of the $20.00 refund: received, the platform's fee and what they keep.
  await sellerPage.goto('/connect');
  const payments = sellerPage.getByRole('table', { name: 'Payments transferred to you, newest first' });
  const payment = payments.getByRole('row').filter({ hasText: `order_O-${unique}` });
  for (const amount of ['$80.00', '$12.00', '$68.00']) await expect(payment.getByRole('cell', { name: amount, exact: true })).toBeVisible();
  for (const path of [`/connect/accounts/${accountId}`, '/connect/transfers', '/connect/payouts', `/connect/orders/order_O-${unique}`]) {
    const response = await sellerPage.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await context.close();

  // The admin's payout form, replayed with the seller's session: the action itself refuses.
  await page.goto(`/connect/accounts/${accountId}`);
  const payoutForm = page.getByRole('form', { name: 'Pay out' });
  const hidden = (name: string) => payoutForm.locator(`input[name="${name}"]`).inputValue();
  const fields = { ...(await serverActionFields(payoutForm)), accountId: await hidden('accountId'), idempotencyNonce: await hidden('idempotencyNonce') };
  const forged = await postAs(browser, { storageState: sellerState, baseURL: test.info().project.use.baseURL!, path: '/connect', fields });
  expect(forged.body).toContain('Your role does not allow this.');
});

test('when Stripe asks for more after onboarding, the seller reads it in words and Update details opens a fresh onboarding link', async ({ browser }) => {
  expect(accountId).toMatch(/^acct_/);
  const asked = await fetch(`${sandbox}/_sandbox/connect/accounts/${accountId}/requirements`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${PLATFORM_KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ currently_due: 'individual.verification.document' }).toString(),
  });
  expect(asked.ok).toBe(true);

  const context = await browser.newContext({ storageState: sellerState });
  const sellerPage = await context.newPage();
  await sellerPage.goto('/connect');
  // The seller's page reads the projection, so the need shows once account.updated has arrived.
  await expect(async () => {
    await sellerPage.reload();
    await expect(sellerPage.getByRole('list', { name: 'Stripe needs' })).toContainText('Your identity document', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await sellerPage.getByRole('link', { name: 'Update details' }).click();
  await expect(sellerPage).toHaveURL(new RegExp(`^${sandbox}/_sandbox/connect/onboarding/`));
  await expect(sellerPage.getByRole('button', { name: 'Submit' })).toBeVisible();
  await context.close();
});
