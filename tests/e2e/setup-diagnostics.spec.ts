// Setup diagnostics as support: the seeded SetupIntent that failed twice before a card was saved, found by the
// customer's email and from its webhook event, with each declined attempt explained in words.
import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { storageStateOf } from './fixtures/roles';

const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 12198);
// The app's own sandbox account (lib/env.ts), so the sandbox delivers the setup_intent events to the app.
const stripe = new Stripe('sk_test_paydesk_sandbox', { host: '127.0.0.1', port: sandboxPort, protocol: 'http' });

test.use({ storageState: storageStateOf('support') });

test('support diagnoses a SetupIntent with declined attempts by the customer’s email', async ({ page }) => {
  await page.goto('/setup-diagnostics');
  await page.getByLabel('SetupIntent or customer').fill('ada@example.com');
  await page.getByRole('button', { name: 'Diagnose' }).click();
  const attempts = page.getByRole('region', { name: /^Attempts of seti_/ }).first();
  await expect(attempts.getByRole('row')).toHaveCount(4);
  await expect(attempts.getByRole('row').nth(1)).toContainText('succeeded');
  await expect(attempts.getByRole('row').nth(2)).toContainText('The card has expired.');
  await expect(attempts.getByRole('row').nth(3)).toContainText('insufficient_funds');
  await expect(attempts.getByRole('row').nth(3)).toContainText('The card does not have enough money or credit left');
  await expect(page.getByRole('region', { name: /^Mandate of seti_/ }).first()).toContainText('No mandate.');
});

test('a setup_intent event links to its diagnosis, and a search that is no id or email is explained', async ({ page }) => {
  // The seed ran before the app listened for webhooks, so this test makes a failing set-up of its own.
  const customer = await stripe.customers.create({ email: `setup-e2e-${Date.now()}@example.com` });
  const intent = await stripe.setupIntents.create({ customer: customer.id, automatic_payment_methods: { enabled: true, allow_redirects: 'never' } });
  await stripe.setupIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclinedExpiredCard' }).catch((error: unknown) => {
    if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
  });
  await expect(async () => {
    await page.goto(`/events?type=setup_intent.setup_failed&objectId=${intent.id}`);
    await page.getByRole('link', { name: /^evt_/ }).first().click({ timeout: 1000 });
  }).toPass();
  await page.getByRole('link', { name: 'Diagnose this SetupIntent' }).click();
  await expect(page).toHaveURL(new RegExp(`/setup-diagnostics\\?q=${intent.id}$`));
  await expect(page.getByRole('region', { name: `Attempts of ${intent.id}` })).toContainText('The card has expired.');

  await page.getByLabel('SetupIntent or customer').fill('pi_123');
  await page.getByRole('button', { name: 'Diagnose' }).click();
  await expect(page.getByText('Enter a SetupIntent id (seti_…), a customer id (cus_…) or a customer’s email.')).toBeVisible();
});
