// The sandbox's Stripe.js stand-in under the real @stripe/react-stripe-js components: typing test
// cards, validation, confirmation, declines and the 3-D Secure modal, as a customer would see them.
import { expect, test, type Page } from '@playwright/test';
import type Stripe from 'stripe';
import { freshSecretKey, sandboxBase, sandboxStripe } from '../support/sandbox';
import type { CheckoutConfig } from './checkout-app';
import { startTestPageServer, type TestPageServer } from './test-page-server';

let server: TestPageServer;

test.beforeAll(async () => {
  server = await startTestPageServer(sandboxBase());
});

test.afterAll(async () => {
  await server.close();
});

/** A fresh sandbox account with a PaymentIntent, and the page set up to pay it. */
async function openCheckout(page: Page, flow: CheckoutConfig['flow'], intentParams: Partial<Stripe.PaymentIntentCreateParams> = {}) {
  const secretKey = freshSecretKey('stripejs');
  const stripe = sandboxStripe(secretKey);
  const intent = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', automatic_payment_methods: { enabled: true }, ...intentParams });
  const config: CheckoutConfig = { publishableKey: secretKey.replace(/^sk_/, 'pk_'), flow, clientSecret: intent.client_secret ?? '' };
  await page.goto(server.pageUrl(config));
  if (flow !== 'next-action') {
    await expect.poll(() => page.evaluate(() => window.elementEvents.some((event) => event.type === 'ready'))).toBe(true);
  }
  return { stripe, intent };
}

/** A fresh sandbox account with a customer's SetupIntent, and the page set up to save a card to it. */
async function openSetup(page: Page) {
  const secretKey = freshSecretKey('stripejs-setup');
  const stripe = sandboxStripe(secretKey);
  const customer = await stripe.customers.create({ email: 'saver@example.com' });
  const intent = await stripe.setupIntents.create({ customer: customer.id, automatic_payment_methods: { enabled: true } });
  const config: CheckoutConfig = { publishableKey: secretKey.replace(/^sk_/, 'pk_'), flow: 'setup', clientSecret: intent.client_secret ?? '' };
  await page.goto(server.pageUrl(config));
  await expect.poll(() => page.evaluate(() => window.elementEvents.some((event) => event.type === 'ready'))).toBe(true);
  return { stripe, intent, customer };
}

async function typeCard(page: Page, number: string, { expiry = '12 / 34', cvc = '123', zip = '94107' } = {}) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration date').fill(expiry);
  await page.getByLabel('Security code').fill(cvc);
  await page.getByLabel('ZIP / Postal code').fill(zip);
}

test('a test card paid through the Payment Element succeeds, and its number never reaches the merchant server', async ({ page }) => {
  const { stripe, intent } = await openCheckout(page, 'payment');
  await typeCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay' }).click();

  await expect(page.getByRole('status')).toHaveText('Payment succeeded');
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
  const formData = await page.getByRole('form', { name: 'Checkout' }).evaluate((form) => [...new FormData(form as HTMLFormElement).entries()]);
  expect(formData).toEqual([['note', 'thanks']]);
  expect(server.requests.join('\n')).not.toContain('4242424242424242');
  const events = await page.evaluate(() => window.elementEvents);
  expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['ready', 'focus', 'change', 'blur']));
  expect(events.filter((event) => event.type === 'change').at(-1)).toMatchObject({ complete: true, empty: false, valueType: 'card' });
});

test('a declined card shows the decline message and leaves the payment unpaid', async ({ page }) => {
  const { stripe, intent } = await openCheckout(page, 'payment');
  await typeCard(page, '4000 0000 0000 0002');
  // Enter in a card field submits the page's form, as in Stripe's own fields.
  await page.getByLabel('ZIP / Postal code').press('Enter');

  await expect(page.getByRole('alert')).toHaveText('Your card was declined.');
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_payment_method');
});

test('a 3-D Secure challenge completed in the modal ends in a paid payment', async ({ page }) => {
  const { stripe, intent } = await openCheckout(page, 'payment');
  await typeCard(page, '4000 0027 6000 3184');
  await page.getByRole('button', { name: 'Pay' }).click();

  const dialog = page.getByRole('dialog', { name: '3D Secure authentication' });
  await expect(dialog).toBeVisible();
  await page.frameLocator('iframe[title="3D Secure challenge"]').getByRole('button', { name: /complete/i }).click();
  await expect(page.getByRole('status')).toHaveText('Payment succeeded');
  await expect(dialog).toBeHidden();
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
});

test('a failed 3-D Secure challenge reports that the card could not be authenticated', async ({ page }) => {
  const { stripe, intent } = await openCheckout(page, 'payment');
  await typeCard(page, '4000 0027 6000 3184');
  await page.getByRole('button', { name: 'Pay' }).click();

  await page.frameLocator('iframe[title="3D Secure challenge"]').getByRole('button', { name: /fail/i }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
  );
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_payment_method');
});

test("with Stripe's default redirect, 3-D Secure takes the whole page and comes back to the return_url", async ({ page }) => {
  const { stripe, intent } = await openCheckout(page, 'redirect');
  await typeCard(page, '4000 0027 6000 3184');
  await page.getByRole('button', { name: 'Pay' }).click();

  await page.getByRole('button', { name: /complete/i }).click();
  await expect(page.getByRole('status')).toHaveText(`Returned: ${intent.id} succeeded`);
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
});

test('handleNextAction finishes an intent the server confirmed into requires_action', async ({ page }) => {
  const { stripe, intent } = await openCheckout(page, 'next-action', {
    payment_method: 'pm_card_authenticationRequired',
    confirm: true,
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
  });
  expect(intent.status).toBe('requires_action');
  await page.getByRole('button', { name: 'Authenticate' }).click();
  await page.frameLocator('iframe[title="3D Secure challenge"]').getByRole('button', { name: /complete/i }).click();

  await expect(page.getByRole('status')).toHaveText('Payment succeeded');
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
});

test('the card form validates like Stripe: Luhn, expiry in the future, Amex CVC, nothing left out', async ({ page }) => {
  await openCheckout(page, 'payment');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('alert')).toHaveText('Your card number is incomplete.');
  await expect(page.getByLabel('Card number')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Card number').fill('4242424242424241');
  await expect(page.getByText('Your card number is invalid.')).toBeVisible();
  await expect(page.getByLabel('Card number')).toHaveAccessibleDescription('Your card number is invalid.');

  await page.getByLabel('Card number').fill('378282246310005');
  await expect(page.getByLabel('Card number')).toHaveValue('3782 822463 10005');
  await expect(page.getByLabel('Card number')).toHaveAttribute('aria-invalid', 'false');
  await page.getByLabel('Expiration date').fill('0120');
  await expect(page.getByText("Your card's expiration year is in the past.")).toBeVisible();

  await typeCard(page, '378282246310005', { cvc: '123' });
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('alert')).toHaveText("Your card's security code is incomplete.");
  const lastChange = await page.evaluate(() => window.elementEvents.filter((event) => event.type === 'change').at(-1));
  expect(lastChange).toMatchObject({ complete: false, error: "Your card's security code is incomplete." });
});

test('the Card Element creates a PaymentMethod that confirmCardPayment then pays with', async ({ page }) => {
  const { stripe, intent } = await openCheckout(page, 'card');
  await typeCard(page, '5555 5555 5555 4444');
  await page.getByRole('button', { name: 'Pay' }).click();

  await expect(page.getByRole('status')).toHaveText('Payment succeeded with mastercard ending 4444');
  const paid = await stripe.paymentIntents.retrieve(intent.id, { expand: ['payment_method'] });
  expect(paid.payment_method).toMatchObject({ billing_details: { name: 'Jenny Rosen', address: { postal_code: '94107' } } });
});

test('the split number, expiry and CVC Elements make one card', async ({ page }) => {
  const { stripe, intent } = await openCheckout(page, 'split');
  await expect(page.getByLabel('ZIP / Postal code')).toHaveCount(0);
  await page.getByLabel('Card number').fill('3782 822463 10005');
  await page.getByLabel('Expiration date').fill('12 / 34');
  await page.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: 'Pay' }).click();
  // The CVC field knows the number field's brand: Amex wants four digits.
  await expect(page.getByRole('alert')).toHaveText("Your card's security code is incomplete.");

  await page.getByLabel('Security code').fill('1234');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('status')).toHaveText('Payment succeeded with amex ending 0005');
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
});

test('with a deferred intent, elements.submit() stops an incomplete form before anything is confirmed', async ({ page }) => {
  const { stripe, intent } = await openCheckout(page, 'deferred');
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('alert')).toHaveText("Your card's expiration date is incomplete.");
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_payment_method');

  await typeCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('status')).toHaveText('Payment succeeded');
});

test('a publishable key reaches only what Stripe.js may call, and intents only with their client secret', async ({ request }) => {
  const secretKey = freshSecretKey('stripejs');
  const publishableKey = secretKey.replace(/^sk_/, 'pk_');
  const intent = await sandboxStripe(secretKey).paymentIntents.create({ amount: 500, currency: 'usd', metadata: { order: '7' } });

  const customers = await request.post(`${sandboxBase()}/v1/customers`, { form: { key: publishableKey } });
  expect(customers.status()).toBe(401);
  expect((await customers.json()).error.message).toMatch(/^This API call cannot be made with a publishable API key/);

  const wrongSecret = await request.get(`${sandboxBase()}/v1/payment_intents/${intent.id}`, {
    params: { key: publishableKey, client_secret: `${intent.id}_secret_wrong` },
  });
  expect(wrongSecret.status()).toBe(400);
  expect((await wrongSecret.json()).error).toMatchObject({ code: 'payment_intent_invalid_parameter', param: 'client_secret' });

  const retrieved = await request.get(`${sandboxBase()}/v1/payment_intents/${intent.id}`, {
    params: { key: publishableKey, client_secret: intent.client_secret ?? '' },
  });
  expect(retrieved.status()).toBe(200);
  const publishable = await retrieved.json();
  expect(publishable).toMatchObject({ id: intent.id, status: 'requires_payment_method', amount: 500 });
  // Only the fields Stripe marks "retrievable with publishable key".
  expect(publishable).not.toHaveProperty('metadata');
  expect(publishable).not.toHaveProperty('customer');
});

test('confirmSetup saves a card to the customer through the Payment Element', async ({ page }) => {
  const { stripe, intent, customer } = await openSetup(page);
  await typeCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Save card' }).click();

  await expect(page.getByRole('status')).toHaveText('Setup succeeded');
  const saved = await stripe.setupIntents.retrieve(intent.id);
  expect(saved.status).toBe('succeeded');
  const cards = await stripe.customers.listPaymentMethods(customer.id);
  expect(cards.data.map((card) => card.id)).toEqual([saved.payment_method]);
  expect(server.requests.join('\n')).not.toContain('4242424242424242');
});

test('confirmSetup with a declined card shows the decline, and the SetupAttempt records it', async ({ page }) => {
  const { stripe, intent } = await openSetup(page);
  await typeCard(page, '4000 0000 0000 0002');
  await page.getByRole('button', { name: 'Save card' }).click();

  await expect(page.getByRole('alert')).toHaveText('Your card was declined.');
  expect((await stripe.setupIntents.retrieve(intent.id)).status).toBe('requires_payment_method');
  const attempts = await stripe.setupAttempts.list({ setup_intent: intent.id });
  expect(attempts.data[0]).toMatchObject({ status: 'failed', setup_error: { code: 'card_declined', decline_code: 'generic_decline' } });
});

test('confirmSetup runs the 3-D Secure challenge a card set-up requires', async ({ page }) => {
  const { stripe, intent } = await openSetup(page);
  await typeCard(page, '4000 0025 0000 3155');
  await page.getByRole('button', { name: 'Save card' }).click();

  await page.frameLocator('iframe[title="3D Secure challenge"]').getByRole('button', { name: /complete/i }).click();
  await expect(page.getByRole('status')).toHaveText('Setup succeeded');
  expect((await stripe.setupIntents.retrieve(intent.id)).status).toBe('succeeded');
});
