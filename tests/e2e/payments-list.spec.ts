// The Payments list end to end as an admin: payments taken in the sandbox arrive by webhook, are filtered, saved as
// a view, reused, exported to CSV (every match, formula cells defused) — and a seller can export nothing.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import Stripe from 'stripe';
import { storageStateOf } from './fixtures/roles';

test.use({ storageState: storageStateOf('admin') });

const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 12198);
// The app's own sandbox account (lib/env.ts), so the sandbox delivers these payments' events to the app.
const stripe = new Stripe('sk_test_paydesk_sandbox', { host: '127.0.0.1', port: sandboxPort, protocol: 'http' });

async function pay(tag: string, amount: number, currency: string, description: string, manual = false): Promise<string> {
  const intent = await stripe.paymentIntents.create({
    amount,
    currency,
    description,
    metadata: { e2e_run: tag },
    capture_method: manual ? 'manual' : 'automatic',
    payment_method: 'pm_card_visa',
    confirm: true,
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
  });
  return intent.id;
}

const rows = (page: Page) => page.getByRole('table', { name: 'Payments, newest first' }).locator('tbody tr');

test('an admin filters payments, saves the filter as a view, reuses it, exports it to CSV and deletes the view', async ({ page }) => {
  const tag = `e2e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const lunch = await pay(tag, 1_234, 'usd', `Team lunch ${tag}`);
  const hold = await pay(tag, 9_900, 'usd', `Hotel hold ${tag}`, true);
  const rail = await pay(tag, 5_000, 'eur', `=Rail pass ${tag}`);

  // Webhook deliveries run apart from the calls above: reload until all three are projected.
  await expect(async () => {
    await page.goto(`/payments?q=${tag}`);
    await expect(rows(page)).toHaveCount(3, { timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('link', { name: '$12.34' })).toHaveAttribute('href', `/payments/${lunch}`);
  await expect(rows(page).filter({ hasText: hold })).toContainText('Uncaptured');

  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Succeeded' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows(page)).toHaveCount(2);
  await page.getByLabel('Currency').fill('EUR');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('€50.00');
  await expect(rows(page)).toContainText(rail);

  const viewName = `Rail ${tag}`;
  await page.getByLabel('View name').fill(viewName);
  await page.getByRole('button', { name: 'Save this view' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved view “${viewName}”.` })).toBeVisible();

  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/payments$/);
  await page.getByRole('list', { name: 'Saved views' }).getByRole('link', { name: viewName }).click();
  await expect(page).toHaveURL(new RegExp(`status=succeeded&currency=EUR&q=${tag}$`));
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByLabel('Currency')).toHaveValue('EUR');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^payments-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toBe('id,created_utc,status,currency,amount,amount_received,amount_refunded,disputed,customer_id,customer_email,customer_name,description');
  expect(lines[1]).toContain(`${rail},`);
  expect(lines[1]).toContain(',succeeded,EUR,50.00,50.00,0.00,no,');
  expect(lines[1]).toContain(`,'=Rail pass ${tag}`);
  await expect(page.getByRole('status').filter({ hasText: 'Exported 1 row.' })).toBeVisible();

  await page.getByRole('button', { name: `Delete view ${viewName}` }).click();
  await expect(page.getByRole('link', { name: viewName })).toHaveCount(0);
});

test('bad filter values are shown on their fields and the list is not filtered by a guess', async ({ page }) => {
  await page.goto('/payments?min=10&to=2026-13-40');
  await expect(page.getByLabel('Amount from')).toHaveAccessibleDescription('Choose a currency to filter by amount.');
  await expect(page.getByLabel('Created to')).toHaveAttribute('aria-invalid', 'true');
});

test('a seller gets 403 from the CSV export and sees no merchant payments', async ({ browser, baseURL }) => {
  const seller = await browser.newContext({ storageState: storageStateOf('seller'), baseURL });
  const response = await seller.request.get('/payments/export');
  expect(response.status()).toBe(403);
  const page = await seller.newPage();
  await page.goto('/payments');
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await seller.close();
});
