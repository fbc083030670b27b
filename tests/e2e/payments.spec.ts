// Taking and returning money as an admin, in Chromium against the sandbox: the card goes into the Payment Element
// (the sandbox's Stripe.js stand-in), the payment page drives capture, cancel and refunds.
import { expect, test, type Page } from '@playwright/test';
import Stripe from 'stripe';
import { postAs, serverActionFields } from './fixtures/forged-post';
import { storageStateOf } from './fixtures/roles';

// The app's own sandbox account, to give a customer a saved card and to count what Stripe holds.
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 12198);
const stripe = new Stripe('sk_test_paydesk_sandbox', { host: '127.0.0.1', port: sandboxPort, protocol: 'http' });

test.use({ storageState: storageStateOf('admin') });

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

async function createPayment(page: Page, options: { amount: string; capture?: 'now' | 'later'; customerLabel?: string; description?: string }): Promise<string> {
  await page.goto('/payments/new');
  await page.getByLabel('Amount', { exact: true }).fill(options.amount);
  if (options.customerLabel) await page.getByLabel('Customer', { exact: true }).selectOption({ label: options.customerLabel });
  if (options.description) await page.getByLabel('Description').fill(options.description);
  if (options.capture === 'later') await page.getByLabel(/Authorize only/).check();
  await page.getByRole('button', { name: 'Create payment' }).click();
  await expect(page).toHaveURL(/\/payments\/new\/confirm\?payment_intent=pi_/);
  return new URL(page.url()).searchParams.get('payment_intent')!;
}

async function enterCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration date').fill('12 / 34');
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('ZIP / Postal code').fill('10001');
}

async function pay(page: Page, amountLabel: string, number = '4242 4242 4242 4242') {
  await enterCard(page, number);
  await page.getByRole('button', { name: `Pay ${amountLabel}` }).click();
}

async function paidPayment(page: Page, amount: string, amountLabel: string, capture: 'now' | 'later' = 'now'): Promise<string> {
  const id = await createPayment(page, { amount, capture });
  await pay(page, amountLabel);
  await expect(page.getByRole('heading', { level: 1, name: capture === 'now' ? 'Payment succeeded' : 'Payment authorized' })).toBeVisible();
  await page.getByRole('link', { name: 'View payment' }).click();
  await expect(page).toHaveURL(new RegExp(`/payments/${id}$`));
  return id;
}

const status = (page: Page) => page.getByLabel('Payment status');

/** The payment's row on the Payments list (the webhook-fed projection) shows `chips` once the webhooks have landed. */
async function expectListed(page: Page, id: string, chips: RegExp) {
  await expect(async () => {
    await page.goto(`/payments?q=${id}`);
    await expect(page.getByRole('row').filter({ hasText: id })).toContainText(chips, { timeout: 1000 });
  }).toPass();
}
// Next's route announcer is an alert too; ours are found by what they say.
const alert = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text });
const refundForm = (page: Page) => page.getByRole('form', { name: 'Refund payment' });

test('an admin creates a customer, takes a payment for them with 4242 in the Payment Element, and sees it succeeded', async ({ page }) => {
  const email = uniqueEmail('payer');
  await page.goto('/customers/new');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Name', { exact: true }).fill('Mary Jackson');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Customer created.' })).toBeVisible();
  const customerId = new URL(page.url()).pathname.split('/').pop()!;

  const id = await createPayment(page, { amount: '20.00', customerLabel: `Mary Jackson · ${email} · ${customerId}`, description: 'Annual plan' });
  await expect(page.getByRole('heading', { level: 1, name: 'Pay $20.00' })).toBeVisible();
  const sentToApp: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin === new URL(page.url()).origin) sentToApp.push(`${request.url()} ${request.postData() ?? ''}`);
  });
  await pay(page, '$20.00');
  await expect(page.getByRole('heading', { level: 1, name: 'Payment succeeded' })).toBeVisible();

  await page.getByRole('link', { name: 'View payment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '$20.00 USD' })).toBeVisible();
  await expect(status(page)).toContainText('Succeeded');
  await expect(page.getByText('visa ending 4242')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^authorized$/ })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^normal$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: customerId })).toBeVisible();
  // The card number went only to the sandbox's Stripe.js, never to Paydesk's server.
  expect(sentToApp.length).toBeGreaterThan(0);
  expect(sentToApp.filter((entry) => /4242\s*4242|4242424242424242/.test(entry))).toEqual([]);
  await expect(page.getByText('Annual plan')).toBeVisible();
  // Once the webhooks land, the timeline shows them and the status is no longer "confirming".
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('payment_intent.succeeded')).toBeVisible({ timeout: 1000 });
    await expect(status(page)).not.toContainText('confirming', { timeout: 1000 });
  }).toPass();
  await expect(page.getByRole('button', { name: 'Confirm payment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Capture' })).toHaveCount(0);
  expect(id).toMatch(/^pi_/);
  await expectListed(page, id, /Succeeded/);
});

test('an authorized payment is captured in part after a capture above what is capturable is refused', async ({ page }) => {
  const id = await paidPayment(page, '50.00', '$50.00', 'later');
  await expect(status(page)).toContainText('Uncaptured');
  await expect(page.getByText('Authorization expires')).toBeVisible();

  const amount = page.getByLabel('Amount to capture');
  await amount.fill('60.00');
  await page.getByRole('button', { name: 'Capture' }).click();
  await expect(amount).toHaveAccessibleDescription(/At most \$50\.00 can be captured\./);
  await expect(status(page)).toContainText('Uncaptured');

  await amount.fill('30.00');
  await page.getByRole('button', { name: 'Capture' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Captured $30.00.' })).toBeVisible();
  await expect(status(page)).toContainText('Succeeded');
  await expect(page.getByLabel('Amount to refund')).toHaveAccessibleDescription(/\$30\.00 can still be refunded/);
  await expect(page.getByRole('button', { name: 'Capture' })).toHaveCount(0);
  await expectListed(page, id, /Succeeded/);
});

test('an authorized payment is canceled with a reason, and then offers no capture', async ({ page }) => {
  const id = await paidPayment(page, '15.00', '$15.00', 'later');
  await page.getByLabel('Cancellation reason').selectOption({ label: 'Duplicate payment' });
  await page.getByRole('button', { name: 'Cancel payment' }).click();
  await expect(status(page)).toContainText('Canceled');
  await expect(page.getByText('Duplicate payment')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Capture' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Refund' })).toHaveCount(0);
  await expect(page.getByText('Nothing more can be done with this payment.')).toBeVisible();
  await expectListed(page, id, /Canceled/);
});

test('a payment is refunded in part, refused more than is left, then refunded in full', async ({ page }) => {
  const id = await paidPayment(page, '40.00', '$40.00');
  const amount = page.getByLabel('Amount to refund');
  await amount.fill('15.00');
  await page.getByLabel('Refund reason').selectOption({ label: 'Requested by the customer' });
  await page.getByRole('button', { name: 'Refund' }).click();
  await expect(refundForm(page).getByRole('status').filter({ hasText: 'Refunded $15.00.' })).toBeVisible();
  await expect(amount).toHaveAccessibleDescription(/\$25\.00 can still be refunded/);
  await expect(page.getByRole('row').filter({ hasText: '$15.00' })).toContainText('Requested by the customer');

  await expectListed(page, id, /Partially refunded/);
  await page.goto(`/payments/${id}`);

  await amount.fill('25.01');
  await page.getByRole('button', { name: 'Refund' }).click();
  await expect(amount).toHaveAccessibleDescription(/At most \$25\.00 can be refunded\./);

  await amount.fill('');
  await page.getByRole('button', { name: 'Refund' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Refunded $25.00.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refund' })).toHaveCount(0);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3); // header + two refunds
  await expectListed(page, id, /Refunded/);
});

test('a double-click on Refund makes exactly one refund', async ({ page }) => {
  const id = await paidPayment(page, '30.00', '$30.00');
  await page.getByLabel('Amount to refund').fill('5.00');
  await page.getByRole('button', { name: 'Refund' }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: 'Refunded $5.00.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2); // header + one refund
  await expect(page.getByLabel('Amount to refund')).toHaveAccessibleDescription(/\$25\.00 can still be refunded/);
  expect((await stripe.refunds.list({ payment_intent: id })).data).toHaveLength(1);
});

async function customerWithSavedCard(card: string): Promise<string> {
  const customer = await stripe.customers.create({ email: uniqueEmail('saved-card') });
  await stripe.paymentMethods.attach(card, { customer: customer.id });
  return customer.id;
}

async function createForSavedCard(page: Page, customerId: string, amount: string): Promise<string> {
  // The form lists customers from the projection, which learns of the new customer from its webhook.
  await expect(async () => {
    await page.goto(`/payments/new?customer=${customerId}`);
    await expect(page.getByLabel('Customer', { exact: true })).toHaveValue(customerId, { timeout: 1000 });
  }).toPass();
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.getByLabel(/Use a saved card/).check();
  await page.getByRole('button', { name: 'Create payment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Payment created.' })).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop()!;
}

test("a payment is confirmed from the dashboard with the customer's saved card, and then offers no Confirm", async ({ page }) => {
  const customerId = await customerWithSavedCard('pm_card_visa');
  const id = await createForSavedCard(page, customerId, '18.00');
  await expect(status(page)).toContainText('Incomplete');
  await expect(page.getByLabel('Saved card')).toContainText('visa ending 4242');
  await page.getByRole('button', { name: 'Confirm payment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Payment confirmed.' })).toBeVisible();
  await expect(status(page)).toContainText('Succeeded');
  await expect(page.getByRole('button', { name: 'Confirm payment' })).toHaveCount(0);
  expect((await stripe.paymentIntents.retrieve(id)).status).toBe('succeeded');
});

test('a saved card the issuer declines is explained on the payment page', async ({ page }) => {
  const customerId = await customerWithSavedCard('pm_card_chargeCustomerFail');
  await createForSavedCard(page, customerId, '18.00');
  await page.getByRole('button', { name: 'Confirm payment' }).click();
  await expect(alert(page, 'declined').first()).toContainText('Your card was declined. (generic_decline) The card issuer declined without giving a reason.');
  await expect(status(page)).toContainText('Incomplete');
});

test('a declined card is explained in words, with its decline code, and the card can be changed', async ({ page }) => {
  const id = await createPayment(page, { amount: '12.00' });
  await pay(page, '$12.00', '4000 0000 0000 9995');
  await expect(alert(page, 'insufficient')).toContainText('Your card has insufficient funds. (insufficient_funds) The card does not have enough money or credit left');
  await pay(page, '$12.00', '4000 0000 0000 0002');
  await expect(alert(page, 'declined')).toContainText('Your card was declined. (generic_decline) The card issuer declined without giving a reason.');

  await page.goto(`/payments/${id}`);
  await expect(status(page)).toContainText('Incomplete');
  // The page reads the projection, which learns of the second decline from its webhook.
  await expect(async () => {
    await page.reload();
    await expect(alert(page, 'Last attempt failed')).toContainText('generic_decline', { timeout: 1000 });
  }).toPass();
  await expect(page.getByRole('link', { name: 'Enter card details' })).toBeVisible();
  await expectListed(page, id, /Incomplete/);
});

test('a payment that gets disputed shows the dispute in its timeline and offers no refund', async ({ page }) => {
  const id = await createPayment(page, { amount: '35.00' });
  await pay(page, '$35.00', '4000 0000 0000 0259');
  await expect(page.getByRole('heading', { level: 1, name: 'Payment succeeded' })).toBeVisible();
  await page.goto(`/payments/${id}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('listitem').filter({ hasText: 'charge.dispute.created' })).toContainText('Disputed', { timeout: 1000 });
  }).toPass();
  await expect(page.getByRole('button', { name: 'Refund' })).toHaveCount(0);
  await expectListed(page, id, /Disputed/);
});

test('a 3-D Secure card succeeds once the challenge is completed', async ({ page }) => {
  const id = await createPayment(page, { amount: '25.00' });
  await pay(page, '$25.00', '4000 0027 6000 3184');
  await expect(page.getByRole('dialog', { name: '3D Secure authentication' })).toBeVisible();
  await page.frameLocator('iframe[title="3D Secure challenge"]').getByRole('button', { name: /complete/i }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payment succeeded' })).toBeVisible();
  await expectListed(page, id, /Succeeded/);
});

test('a 3-D Secure card whose challenge fails is explained, and nothing is charged', async ({ page }) => {
  const id = await createPayment(page, { amount: '25.00' });
  await pay(page, '$25.00', '4000 0027 6000 3184');
  await page.frameLocator('iframe[title="3D Secure challenge"]').getByRole('button', { name: /fail/i }).click();
  await expect(alert(page, 'authenticat')).toContainText('(payment_intent_authentication_failure) The customer did not complete the bank’s authentication');
  // The page reads the projection, which learns of the failed challenge from its webhook.
  await expect(async () => {
    await page.goto(`/payments/${id}`);
    await expect(status(page)).toContainText('Incomplete', { timeout: 1000 });
  }).toPass();
  await expect(page.getByRole('button', { name: 'Refund' })).toHaveCount(0);
  await expectListed(page, id, /Incomplete/);
});

test('support posting the capture form of an authorized payment is refused and nothing is captured', async ({ page, browser, baseURL }) => {
  const id = await paidPayment(page, '22.00', '$22.00', 'later');
  await page.goto(`/payments/${id}`); // server-rendered, so the form carries its action's hidden fields
  const form = page.getByRole('form', { name: 'Capture payment' });
  const hidden = async (name: string) => form.locator(`input[name="${name}"]`).inputValue();
  const fields = { ...(await serverActionFields(form)), paymentIntentId: await hidden('paymentIntentId'), idempotencyNonce: await hidden('idempotencyNonce'), amount: '' };
  const forged = await postAs(browser, { storageState: storageStateOf('support'), baseURL: baseURL!, path: `/payments/${id}`, fields });
  // Support may see the page (200), but the action itself answers with the refusal.
  expect(forged.status).toBe(200);
  expect(forged.body).toContain('Your role does not allow this.');
  expect((await stripe.paymentIntents.retrieve(id)).status).toBe('requires_capture');

  // The same request from the admin's session captures: the refusal came from the role, not the request's shape.
  const accepted = await postAs(browser, { storageState: storageStateOf('admin'), baseURL: baseURL!, path: `/payments/${id}`, fields });
  expect(accepted.body).toContain('Captured $22.00.');
  expect((await stripe.paymentIntents.retrieve(id)).status).toBe('succeeded');
});

test.describe('as support', () => {
  test.use({ storageState: storageStateOf('support') });

  test('support sees an authorized payment without Capture or Cancel, and cannot create payments', async ({ browser }) => {
    const admin = await browser.newPage({ storageState: storageStateOf('admin') });
    const id = await paidPayment(admin, '10.00', '$10.00', 'later');
    await admin.close();
    const support = await browser.newPage({ storageState: storageStateOf('support') });
    await support.goto(`/payments/${id}`);
    await expect(status(support)).toContainText('Uncaptured');
    await expect(support.getByRole('button', { name: 'Capture' })).toHaveCount(0);
    await expect(support.getByRole('button', { name: 'Cancel payment' })).toHaveCount(0);
    const response = await support.goto('/payments/new');
    expect(response?.status()).toBe(403);
    await support.close();
  });
});

test.describe('as a seller', () => {
  test.use({ storageState: storageStateOf('seller') });

  test("a seller cannot open the merchant's payment pages", async ({ page }) => {
    expect((await page.goto('/payments/pi_doesnotmatter'))?.status()).toBe(403);
    expect((await page.goto('/payments/new'))?.status()).toBe(403);
  });
});
