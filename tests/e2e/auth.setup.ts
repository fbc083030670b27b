// Signs in once per seeded role through /sign-in and saves each browser state for the specs.
import { expect, test as setup } from '@playwright/test';
import { demoPassword, emailOf, ROLES, storageStateOf } from './fixtures/roles';

for (const role of ROLES) {
  setup(`signs in as ${role} through the sign-in page`, async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(emailOf(role));
    await page.getByLabel('Password').fill(demoPassword());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(page.getByText(emailOf(role))).toBeVisible();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
