// Signing in and out, and what a visitor without a session sees.
import { expect, test } from '@playwright/test';
import { demoPassword, emailOf } from './fixtures/roles';

test.describe('without a session', () => {
  test('a visitor opening a dashboard page is sent to the sign-in page', async ({ page }) => {
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Paydesk' })).toBeVisible();
    await expect(page.getByText('Test mode — connected to the Paydesk Stripe sandbox')).toBeVisible();
  });

  test('a wrong password and an unknown email get the same message', async ({ page }) => {
    await page.goto('/sign-in');
    for (const email of [emailOf('admin'), 'nobody@paydesk.test']) {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('definitely-wrong-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'That email and password don’t match an account.' })).toBeVisible();
      await expect(page).toHaveURL(/\/sign-in$/);
    }
  });

  test('the public sign-up endpoint is closed', async ({ request }) => {
    const response = await request.post('/api/auth/sign-up/email', {
      data: { email: 'intruder@paydesk.test', password: 'intruder-password-1', name: 'Intruder' },
    });
    expect(response.ok()).toBe(false);
    const signIn = await request.post('/api/auth/sign-in/email', { data: { email: 'intruder@paydesk.test', password: 'intruder-password-1' } });
    expect(signIn.ok()).toBe(false);
  });
});

test.describe('signing out', () => {
  test('a user who signs out is back at the sign-in page and can no longer open the dashboard', async ({ page }) => {
    // A fresh session of its own, so signing out doesn't end the one other specs share.
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(emailOf('support'));
    await page.getByLabel('Password').fill(demoPassword());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

});
