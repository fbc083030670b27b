// The Events page end to end: a customer made in the dashboard comes back as a signed customer.created
// delivery from the sandbox, which admins can open and replay and support can read.
import { expect, test } from '@playwright/test';
import { storageStateOf } from './fixtures/roles';

test.use({ storageState: storageStateOf('admin') });

test('a customer created in the dashboard appears on the Events page once its customer.created event is delivered', async ({ page, browser }) => {
  const email = `events-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await page.goto('/customers/new');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Customer created.' })).toBeVisible();
  const customerId = new URL(page.url()).pathname.split('/').pop()!;

  // Delivery runs apart from the request that created the customer: reload until the event is there.
  const row = page.getByRole('row').filter({ hasText: 'customer.created' }).filter({ hasText: customerId });
  await expect(async () => {
    await page.goto(`/events?objectId=${customerId}`);
    await expect(row).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(row.getByRole('cell', { name: 'verified' })).toBeVisible();
  await expect(row.getByText('applied')).toBeVisible();

  await row.getByRole('link', { name: /^evt_/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'customer.created' })).toBeVisible();
  await expect(page.getByLabel('Raw payload')).toContainText(`"email": "${email}"`);
  await page.getByRole('button', { name: 'Replay' }).click();
  await expect(page.getByRole('status')).toContainText('Replayed');
  const eventUrl = page.url();

  const support = await browser.newContext({ storageState: storageStateOf('support') });
  const supportPage = await support.newPage();
  await supportPage.goto(eventUrl);
  await expect(supportPage.getByRole('heading', { level: 1, name: 'customer.created' })).toBeVisible();
  await expect(supportPage.getByRole('button', { name: 'Replay' })).toHaveCount(0);
  await support.close();
});
