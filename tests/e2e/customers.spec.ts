// The customers slice end to end as an admin: create, find, open, update — and bad input that creates nothing.
import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from './fixtures/roles';

test.use({ storageState: storageStateOf('admin') });

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

async function searchByEmail(page: Page, email: string) {
  await page.goto('/customers');
  await page.getByLabel('Search by email').fill(email);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/email=/);
}

test('bad customer input shows an error on each bad field and creates nothing', async ({ page }) => {
  const email = uniqueEmail('bad-input');
  await page.goto('/customers/new');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Phone', { exact: true }).fill('call me maybe');
  await page.getByRole('button', { name: 'Add metadata' }).click();
  await page.getByLabel('Metadata key 1').fill('k'.repeat(41));
  await page.getByLabel('Metadata value 1').fill('too long a key');
  await page.getByRole('button', { name: 'Create customer' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Check the highlighted fields.' })).toBeVisible();
  await expect(page.getByLabel('Phone', { exact: true })).toHaveAccessibleDescription(/Enter a phone number/);
  await expect(page.getByLabel('Metadata key 1')).toHaveAccessibleDescription('Keys can be at most 40 characters.');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email);
  await expect(page).toHaveURL(/\/customers\/new$/);

  await searchByEmail(page, email);
  await expect(page.getByText(`No customer has the email ${email}.`)).toBeVisible();
});

test('an invalid email is reported on the email field', async ({ page }) => {
  await page.goto('/customers/new');
  await page.getByLabel('Email', { exact: true }).fill('not-an-email');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByLabel('Email', { exact: true })).toHaveAccessibleDescription('Enter a valid email address.');
  await expect(page.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('an admin creates a customer, finds it in the list and by email, opens it and updates it', async ({ page }) => {
  const email = uniqueEmail('e2e');
  await page.goto('/customers');
  await page.getByRole('link', { name: 'New customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Name', { exact: true }).fill('Katherine Johnson');
  await page.getByLabel('Phone', { exact: true }).fill('+1 757 555 0100');
  await page.getByRole('button', { name: 'Add metadata' }).click();
  await page.getByLabel('Metadata key 1').fill('plan');
  await page.getByLabel('Metadata value 1').fill('pro');
  await page.getByRole('button', { name: 'Create customer' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Customer created.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Katherine Johnson' })).toBeVisible();
  const customerId = new URL(page.url()).pathname.split('/').pop()!;
  expect(customerId).toMatch(/^cus_/);

  await page.getByRole('link', { name: '← Customers' }).click();
  await expect(page.getByRole('link', { name: email })).toBeVisible();

  await searchByEmail(page, email);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2); // header + our customer
  await page.getByRole('link', { name: email }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${customerId}$`));

  await page.getByLabel('Name', { exact: true }).fill('Katherine G. Johnson');
  await page.getByLabel('Metadata value 1').fill('enterprise');
  await page.getByRole('button', { name: 'Add metadata' }).click();
  await page.getByLabel('Metadata key 2').fill('region');
  await page.getByLabel('Metadata value 2').fill('us-east');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Katherine G. Johnson' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('plan: enterprise')).toBeVisible();
  await expect(page.getByText('region: us-east')).toBeVisible();

  await page.goto('/audit');
  const rows = page.getByRole('row').filter({ hasText: customerId });
  await expect(rows.filter({ hasText: 'update-customer' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'create-customer' })).toHaveCount(1);
});

test('a double-click on "Create customer" creates one customer', async ({ page }) => {
  const email = uniqueEmail('double');
  await page.goto('/customers/new');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Create customer' }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: 'Customer created.' })).toBeVisible();

  await searchByEmail(page, email);
  await expect(page.getByRole('link', { name: email })).toHaveCount(1);
});
