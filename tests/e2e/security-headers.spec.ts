// Sessions, headers and origins: secure cookie flags, the security headers on every response, cross-origin posts
// refused, and sign-in that stops answering guesses.
import { expect, test, type Page } from '@playwright/test';
import { appEnv } from '../../playwright.config';
import { postAs, serverActionFields } from './fixtures/forged-post';
import { storageStateOf } from './fixtures/roles';

const FOREIGN_ORIGIN = 'https://attacker.example';

/** Chromium reports each blocked load or script on the console. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe('security headers', () => {
  for (const path of ['/sign-in', '/', '/payments/export', '/api/auth/get-session']) {
    test(`${path} carries the CSP, framing, referrer, sniffing and permissions headers`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      const csp = headers['content-security-policy'] ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      // Only scripts with this response's nonce (and those they load) run; inline script without it never does.
      expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
      expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
      expect(csp).toMatch(/script-src [^;]*https:\/\/js\.stripe\.com/);
      expect(csp).toMatch(/frame-src [^;]*https:\/\/js\.stripe\.com/);
      // The sandbox's Stripe.js stand-in and its 3-D Secure page come from the sandbox's own origin.
      expect(csp).toMatch(new RegExp(`script-src [^;]*${new URL(appEnv.STRIPE_API_BASE).origin}`));
      expect(csp).toMatch(new RegExp(`frame-src [^;]*${new URL(appEnv.STRIPE_API_BASE).origin}`));
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['x-powered-by']).toBeUndefined();
    });
  }

  test('a page loads with no CSP violation', async ({ page }) => {
    const violations = collectCspViolations(page);
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('each response has its own nonce', async ({ request }) => {
    const nonceOf = async () => /'nonce-([^']+)'/.exec((await request.get('/sign-in')).headers()['content-security-policy'] ?? '')?.[1];
    expect(await nonceOf()).not.toEqual(await nonceOf());
  });
});

test.describe('Stripe.js under the CSP', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('a payment through the Payment Element and a 3-D Secure challenge completes with no CSP violation', async ({ page }) => {
    const violations = collectCspViolations(page);
    await page.goto('/payments/new');
    await page.getByLabel('Amount', { exact: true }).fill('12.00');
    await page.getByRole('button', { name: 'Create payment' }).click();
    await expect(page).toHaveURL(/\/payments\/new\/confirm\?payment_intent=pi_/);
    await page.getByLabel('Card number').fill('4000 0027 6000 3184');
    await page.getByLabel('Expiration date').fill('12 / 34');
    await page.getByLabel('Security code').fill('123');
    await page.getByLabel('ZIP / Postal code').fill('10001');
    await page.getByRole('button', { name: 'Pay $12.00' }).click();
    await page.frameLocator('iframe[title="3D Secure challenge"]').getByRole('button', { name: /complete/i }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Payment succeeded' })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe('session cookie', () => {
  test('the session cookie is HttpOnly and SameSite=Lax (Secure is added when served over https)', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: storageStateOf('support'), baseURL });
    try {
      const session = (await context.cookies()).find((cookie) => cookie.name.endsWith('session_token'));
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: baseURL!.startsWith('https://') });
    } finally {
      await context.close();
    }
  });
});

test.describe('cross-origin requests', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('a server action posted from another site is refused and changes nothing, though the same post from the dashboard works', async ({ page, browser, baseURL }) => {
    await page.goto('/settings');
    const limitField = page.getByLabel('Support refund limit (minor units)');
    const before = await limitField.inputValue();
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Save settings' }) });
    const changed = String(Number(before) + 1);
    const fields = { ...(await serverActionFields(form)), supportRefundLimit: changed };

    const forged = await postAs(browser, { storageState: storageStateOf('admin'), baseURL: baseURL!, path: '/settings', fields, origin: FOREIGN_ORIGIN });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.body).not.toContain('Saved.');
    await page.reload();
    await expect(limitField).toHaveValue(before);

    const sameOrigin = await postAs(browser, { storageState: storageStateOf('admin'), baseURL: baseURL!, path: '/settings', fields: { ...fields, supportRefundLimit: before } });
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.body).toContain('Saved.');
  });

  test('an evidence upload posted from another site is refused before anything is read', async ({ page }) => {
    const response = await page.request.post('/disputes/dp_cross_origin/evidence-files', {
      headers: { Origin: FOREIGN_ORIGIN },
      multipart: { field: 'receipt', file: { name: 'receipt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') } },
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'forbidden', message: 'Requests from other sites are refused.' });
  });

  test('the onboarding link refuses a script on another site but not a navigation back from Stripe', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: storageStateOf('seller'), baseURL });
    try {
      const scripted = await context.request.get('/api/connect/onboarding', { headers: { Origin: FOREIGN_ORIGIN, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' }, maxRedirects: 0 });
      expect(scripted.status()).toBe(403);
      const navigated = await context.request.get('/api/connect/onboarding', { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' }, maxRedirects: 0 });
      expect(navigated.status()).toBe(303);
    } finally {
      await context.close();
    }
  });
});

test.describe('sign-in guessing', () => {
  test('after ten wrong passwords for an account, sign-in refuses the next guess and says when to try again', async ({ browser }) => {
    // An address of its own, so this test's failures don't count against the other tests' sign-ins.
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': `198.51.100.${Date.now() % 250}` } });
    const page = await context.newPage();
    try {
      const email = `guess-${Date.now()}@paydesk.test`;
      await page.goto('/sign-in');
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(`wrong-password-${attempt}`);
        // Each answer before the next guess, so every failure is counted.
        await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST'), page.getByRole('button', { name: 'Sign in' }).click()]);
        await expect(page.getByText('That email and password don’t match an account.')).toBeVisible();
        // The message may still be the previous guess's: wait for this submission's form reset, so the next fill
        // is not wiped by it.
        await expect(page.getByLabel('Password')).toHaveValue('');
      }
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('wrong-password-last');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText(/Too many failed sign-ins\. Try again after \d\d:\d\d UTC \(in 15 minutes\)\./)).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('better-auth’s own HTTP sign-in, which the limit would not see, is closed', async ({ request }) => {
    const response = await request.post('/api/auth/sign-in/email', { data: { email: 'admin@paydesk.test', password: 'paydesk-demo-pass' } });
    expect(response.status()).toBe(404);
  });
});
