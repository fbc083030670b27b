// Quotes and credit notes as an admin, in Chromium against the sandbox: create a quote from an existing price and a
// new one, finalize and accept it, follow the invoice acceptance created (from the webhooks), finalize it, preview
// and create a credit note on it, and void that note.
import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { storageStateOf } from './fixtures/roles';

test.use({ storageState: storageStateOf('admin') });

// The app's own sandbox account, to give the quote a customer and a price.
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 12198);
const stripe = new Stripe('sk_test_paydesk_sandbox', { host: '127.0.0.1', port: sandboxPort, protocol: 'http' });
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

test('an admin creates, finalizes and accepts a quote, sees its invoice, previews and creates a credit note, and voids it', async ({ page }) => {
  const tag = unique();
  const customer = await stripe.customers.create({ email: `quote-${tag}@example.com`, name: `Quote buyer ${tag}` });
  const product = await stripe.products.create({ name: `Consulting day ${tag}` });
  const price = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 2500 });

  await page.goto('/quotes');
  await page.getByRole('link', { name: 'New quote' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New quote' })).toBeVisible();
  await page.goto(`/quotes/new?customer=${customer.id}`);
  await expect(page.getByLabel('Customer')).toHaveValue(customer.id);
  await page.getByLabel('Line 1 price').selectOption(price.id);
  await page.getByLabel('Line 1 quantity').fill('2');
  await page.getByLabel('Line 2 product name').fill('Onboarding workshop');
  await page.getByLabel('Line 2 unit amount').fill('150.00');
  await page.getByLabel('Expires after (days)').fill('10');
  await page.getByRole('button', { name: 'Create draft quote' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Draft quote created.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Draft quote · $200.00' })).toBeVisible();
  const lines = page.getByRole('table', { name: 'Quote lines' });
  await expect(lines.getByRole('row', { name: new RegExp(`Consulting day ${tag} 2 One-time \\$50\\.00`) })).toBeVisible();
  await expect(lines.getByRole('row', { name: /Onboarding workshop 1 One-time \$150\.00/ })).toBeVisible();

  await page.getByRole('button', { name: 'Finalize quote' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Quote QT-.* · \$200\.00$/ })).toBeVisible();
  await expect(page.getByLabel('Quote summary')).toContainText('Due on acceptance: $200.00');

  await page.getByRole('button', { name: 'Accept quote' }).click();
  await expect(page.getByLabel('Quote status')).toContainText('Accepted');
  // The invoice link appears once Stripe's quote.accepted webhook has reached the app.
  const invoiceLink = page.getByRole('link', { name: /^Invoice / });
  await expect(invoiceLink).toBeVisible({ timeout: 20_000 });
  await invoiceLink.click();

  await expect(page.getByRole('heading', { level: 1, name: 'Draft invoice · $200.00' })).toBeVisible();
  await expect(page.getByText('A draft invoice takes no credit notes; finalize it first.')).toBeVisible();
  await page.getByRole('button', { name: 'Finalize invoice' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Invoice .* · \$200\.00$/ })).toBeVisible();
  const invoiceNumber = /^Invoice (\S+) ·/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[1];
  const amounts = page.getByLabel('Amounts');
  await expect(amounts).toContainText('Amount remaining$200.00');

  await page.getByRole('link', { name: 'New credit note' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New credit note' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create credit note' })).toBeDisabled();
  await page.getByLabel(`Credit quantity of Consulting day ${tag}`).fill('1');
  await page.getByLabel('Reason').selectOption('order_change');
  await page.getByLabel('Memo').fill('One day moved to next month');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Credit note preview' });
  await expect(preview).toContainText('Credit note total$25.00');
  await expect(preview).toContainText('Amount remaining$200.00 → $175.00');
  expect((await stripe.creditNotes.list({ invoice: new URL(page.url()).searchParams.get('invoice')! })).data).toHaveLength(0);

  await page.getByRole('button', { name: 'Create credit note' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Credit note .*-CN-01 created\./ })).toBeVisible();
  await expect(amounts).toContainText('Amount remaining$175.00');
  const notes = page.getByRole('table', { name: 'Credit notes on this invoice' });
  await expect(notes.getByRole('row', { name: /-CN-01 \$25\.00 Issued \$25\.00 off what was due Order change One day moved to next month/ })).toBeVisible();

  await notes.getByRole('button', { name: 'Void' }).click();
  await expect(notes.getByRole('row', { name: /-CN-01 \$25\.00 Void/ })).toBeVisible();
  await expect(amounts).toContainText('Amount remaining$200.00');

  await page.goto('/invoices');
  await expect(page.getByRole('table', { name: 'Invoices, newest first' }).getByRole('row', { name: new RegExp(`^${invoiceNumber} Open \\$200\\.00 \\$200\\.00`) })).toBeVisible({ timeout: 15_000 });

  await page.goto('/credit-notes');
  await expect(page.getByRole('table', { name: 'Credit notes, newest first' }).getByRole('row', { name: /-CN-01 \$25\.00 Void/ }).first()).toBeVisible({ timeout: 15_000 });
});

test.describe('as support', () => {
  test.use({ storageState: storageStateOf('support') });

  test('support reads a quote and its invoice but is offered no action, and cannot open the credit-note form', async ({ page }) => {
    const tag = unique();
    const customer = await stripe.customers.create({ email: `support-view-${tag}@example.com` });
    const price = await stripe.prices.create({ currency: 'usd', unit_amount: 1200, product_data: { name: `Licence ${tag}` } });
    const open = await stripe.quotes.finalizeQuote((await stripe.quotes.create({ customer: customer.id, line_items: [{ price: price.id }] })).id);

    await page.goto(`/quotes/${open.id}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Quote QT-.* · \$12\.00$/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Accept quote' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Cancel quote' })).toHaveCount(0);

    const accepted = await stripe.quotes.accept(open.id);
    const invoiceId = accepted.invoice as string;
    await stripe.invoices.finalizeInvoice(invoiceId);
    await page.goto(`/invoices/${invoiceId}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Invoice .* · \$12\.00$/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pay invoice' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'New credit note' })).toHaveCount(0);

    const response = await page.goto(`/credit-notes/new?invoice=${invoiceId}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: '403 — Not available to your role' })).toBeVisible();
  });
});

test.describe('as a seller', () => {
  test.use({ storageState: storageStateOf('seller') });

  test('a seller gets 403 on quotes, invoices and credit notes', async ({ page }) => {
    for (const path of ['/quotes', '/quotes/new', '/credit-notes', '/invoices', '/invoices/in_missing']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
  });
});
