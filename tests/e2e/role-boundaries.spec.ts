// Each role sees only its own navigation and pages, and can't run another role's server actions directly.
import { expect, test, type Page } from '@playwright/test';
import { postAs, serverActionFields } from './fixtures/forged-post';
import { storageStateOf, type Role } from './fixtures/roles';

const NAV: Record<Role, string[]> = {
  admin: ['Overview', 'Payments', 'Customers', 'Disputes', 'Quotes', 'Credit notes', 'Setup diagnostics', 'Connect', 'Events', 'Audit', 'Settings'],
  support: ['Overview', 'Payments', 'Customers', 'Disputes', 'Quotes', 'Credit notes', 'Setup diagnostics', 'Connect', 'Events'],
  seller: ['Overview', 'Payments', 'Connect'],
};

const FORBIDDEN: Record<Role, string[]> = {
  admin: [],
  support: ['/settings', '/audit', '/customers/new'],
  seller: ['/customers', '/customers/new', '/settings', '/audit', '/events', '/disputes'],
};

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

for (const role of ['admin', 'support', 'seller'] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test(`the navigation shows ${role} exactly their sections`, async ({ page }) => {
      await page.goto('/');
      await expect(mainNav(page).getByRole('link')).toHaveText(NAV[role]);
    });

    test(`every section in ${role}'s navigation opens`, async ({ page }) => {
      await page.goto('/');
      for (const label of NAV[role]) {
        await mainNav(page).getByRole('link', { name: label, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
      }
    });

    for (const path of FORBIDDEN[role]) {
      test(`${role} opening ${path} directly gets 403 and none of the page`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(403);
        await expect(page.getByRole('heading', { name: '403 — Not available to your role' })).toBeVisible();
        await expect(page.getByLabel('Support refund limit (minor units)')).toHaveCount(0);
        await expect(page.getByRole('button', { name: /Create customer|Save settings/ })).toHaveCount(0);
        await expect(page.getByRole('table')).toHaveCount(0);
      });
    }
  });
}

test.describe('server actions called directly', () => {
  test.use({ storageState: storageStateOf('admin') });

  for (const role of ['support', 'seller'] as const) {
    test(`${role} posting the admin-only settings action is refused and nothing changes`, async ({ page, browser, baseURL }) => {
      await page.goto('/settings');
      const limitField = page.getByLabel('Support refund limit (minor units)');
      const before = await limitField.inputValue();
      const form = page.locator('form', { has: page.getByRole('button', { name: 'Save settings' }) });
      const fields = { ...(await serverActionFields(form)), supportRefundLimit: '1' };

      const forged = await postAs(browser, { storageState: storageStateOf(role), baseURL: baseURL!, path: '/settings', fields });
      expect(forged.status).toBe(403);
      expect(forged.body).toContain('Your role does not allow this.');

      await page.reload();
      await expect(limitField).toHaveValue(before);
    });

    test(`${role} posting the create-customer action is refused and no customer appears`, async ({ page, browser, baseURL }) => {
      const email = `forged-${role}-${Date.now()}@example.com`;
      await page.goto('/customers/new');
      const form = page.locator('form', { has: page.getByRole('button', { name: 'Create customer' }) });
      const fields = { ...(await serverActionFields(form)), email, name: 'Forged' };
      const idempotencyNonce = await form.locator('input[name="idempotencyNonce"]').inputValue();

      const forged = await postAs(browser, { storageState: storageStateOf(role), baseURL: baseURL!, path: '/customers/new', fields: { ...fields, idempotencyNonce } });
      expect(forged.status).toBe(403);
      expect(forged.body).toContain('Your role does not allow this.');

      await page.goto(`/customers?email=${encodeURIComponent(email)}`);
      await expect(page.getByText(`No customer has the email ${email}.`)).toBeVisible();
    });
  }

  test('the same forged settings post from the admin session is accepted (the request shape is sound)', async ({ page, browser, baseURL }) => {
    await page.goto('/settings');
    const current = await page.getByLabel('Support refund limit (minor units)').inputValue();
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Save settings' }) });
    const fields = { ...(await serverActionFields(form)), supportRefundLimit: current };
    const response = await postAs(browser, { storageState: storageStateOf('admin'), baseURL: baseURL!, path: '/settings', fields });
    expect(response.status).toBe(200);
    expect(response.body).toContain('Saved.');
  });
});

test.describe('support on a customer', () => {
  test.use({ storageState: storageStateOf('support') });

  test('support can open and edit a customer but has no way to create one', async ({ page }) => {
    await page.goto('/customers');
    await expect(page.getByRole('link', { name: 'New customer' })).toHaveCount(0);
    await page.getByRole('link', { name: 'ada@example.com' }).click();
    await expect(page.getByRole('heading', { name: 'Edit customer' })).toBeVisible();
  });
});

test.describe('support on Connect', () => {
  test.use({ storageState: storageStateOf('support') });

  test('support reads connected accounts and their requirement history but has no way to move money or invite', async ({ page }) => {
    await page.goto('/connect');
    await expect(page.getByRole('heading', { name: 'Connected accounts' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Invite a seller' })).toHaveCount(0);
    await page.getByRole('table', { name: /Connected accounts/ }).getByRole('link').first().click();
    await expect(page.getByLabel('Account status')).toBeVisible();
    await expect(page.getByRole('link', { name: 'New destination charge' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /pay out/i })).toHaveCount(0);
    await page.goto('/connect/transfers');
    await expect(page.getByRole('heading', { name: 'Transfer from a charge' })).toHaveCount(0);
  });
});
