// Disputes end to end as support: the most urgent dispute gets a PDF, a draft saved twice and a submission, and its
// status turns "under review" once Stripe's webhook lands; another dispute is accepted as lost. Sellers get nothing.
import { expect, test, type Page } from '@playwright/test';
import Stripe from 'stripe';
import { storageStateOf } from './fixtures/roles';

const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 12198);
// The app's own sandbox account (lib/env.ts), so the sandbox delivers the disputes' events to the app.
const stripe = new Stripe('sk_test_paydesk_sandbox', { host: '127.0.0.1', port: sandboxPort, protocol: 'http' });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A payment with Stripe's dispute test card (chargeback) or inquiry card: it succeeds, then a dispute opens. */
async function disputedPayment(card: 'pm_card_createDispute' | 'pm_card_createDisputeInquiry', description: string): Promise<Stripe.Dispute> {
  const intent = await stripe.paymentIntents.create({
    amount: 4100,
    currency: 'usd',
    description,
    payment_method: card,
    confirm: true,
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
  });
  const [dispute] = (await stripe.disputes.list({ payment_intent: intent.id })).data;
  if (!dispute) throw new Error('no dispute opened');
  return dispute;
}

const status = (page: Page) => page.getByLabel('Dispute status');
const disputeRows = (page: Page) => page.getByRole('table', { name: 'Disputes, most urgent first' }).locator('tbody tr');

// One after the other: the first test works on whichever open dispute is most urgent, the second must not take it.
test.describe.configure({ mode: 'serial' });

test.describe('as support', () => {
  test.use({ storageState: storageStateOf('support') });

  test('support answers the most urgent dispute: uploads a PDF, saves a draft twice, submits, and sees it locked and under review', async ({ page }) => {
    const mine = await disputedPayment('pm_card_createDispute', 'Disputed e2e order');
    await expect(async () => {
      await page.goto('/disputes?status=needs_response');
      await expect(page.getByRole('link', { name: new RegExp(`Dispute ${mine.id}`) })).toBeVisible({ timeout: 1000 });
    }).toPass();

    // Most urgent first: the due dates down the list never go back.
    const dueDates = await disputeRows(page).locator('td:nth-child(4) span span:first-child').allTextContents();
    expect(dueDates.map((text) => Date.parse(`${text} UTC`))).toEqual([...dueDates.map((text) => Date.parse(`${text} UTC`))].sort((a, b) => a - b));
    await disputeRows(page).first().getByRole('link', { name: /^Dispute / }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Dispute of / })).toBeVisible();
    await expect(status(page)).toContainText('Needs response');
    await expect(page.getByRole('link', { name: /^pi_/ })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Missing evidence' })).toContainText('Receipt');

    // A .pdf name over bytes that are not a PDF is refused in the browser, before any upload.
    await page.getByLabel('Upload receipt').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') });
    await expect(page.getByRole('alert').filter({ hasText: 'Only PDF, JPEG or PNG files can be evidence' })).toBeVisible();

    await page.getByLabel('Upload receipt').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(page.getByRole('status').filter({ hasText: /Uploaded receipt\.pdf as file_/ })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Missing evidence' })).not.toContainText('Receipt');
    await page.getByLabel('Product or service description').fill('Gift cards, delivered by email to the cardholder.');
    await expect(page.getByText(/^49 of 150,000 characters$/)).toBeVisible();

    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
    await page.getByLabel('Customer name').fill('Alan Turing');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByLabel('Customer name')).toHaveValue('Alan Turing');
    await expect(page.getByLabel('Product or service description')).toHaveValue('Gift cards, delivered by email to the cardholder.');

    const disputeId = new URL(page.url()).pathname.split('/').pop()!;
    // The second save is done once Stripe holds its field; it staged, it did not submit.
    await expect.poll(async () => (await stripe.disputes.retrieve(disputeId)).evidence.customer_name).toBe('Alan Turing');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    expect(await stripe.disputes.retrieve(disputeId)).toMatchObject({ status: 'needs_response', evidence: { receipt: expect.stringMatching(/^file_/) } });

    // Submitting asks for the confirmation first.
    await page.getByRole('button', { name: 'Submit evidence' }).click();
    await expect(page.getByText('Tick the box to confirm: submitted evidence cannot be changed.')).toBeVisible();
    await page.getByLabel(/I understand that submitting sends this evidence/).check();
    await page.getByRole('button', { name: 'Submit evidence' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Evidence submitted; it can no longer be changed.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('definition').filter({ hasText: 'Alan Turing' })).toBeVisible();

    await expect(async () => {
      await page.reload();
      await expect(status(page)).toContainText('Under review', { timeout: 1000 });
      await expect(status(page)).not.toContainText('awaiting confirmation', { timeout: 1000 });
    }).toPass();
    expect((await stripe.disputes.retrieve(disputeId)).evidence_details.submission_count).toBe(1);
  });

  test('support accepts the loss on another dispute after confirming, and it shows as closed', async ({ page }) => {
    const dispute = await disputedPayment('pm_card_createDisputeInquiry', 'Inquiry e2e order');
    await page.goto(`/disputes/${dispute.id}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Dispute of / })).toBeVisible();
    const form = page.getByRole('form', { name: 'Accept the loss' });
    await form.getByRole('button', { name: 'Accept the loss' }).click();
    await expect(form.getByText('Tick the box to confirm that you accept losing this dispute.')).toBeVisible();
    await form.getByLabel(/I accept losing this dispute/).check();
    await form.getByRole('button', { name: 'Accept the loss' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Dispute closed: the loss is accepted.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
    await expect(async () => {
      await page.reload();
      await expect(status(page)).toContainText('Inquiry closed', { timeout: 1000 });
      await expect(status(page)).not.toContainText('awaiting confirmation', { timeout: 1000 });
    }).toPass();
    expect((await stripe.disputes.retrieve(dispute.id)).status).toBe('warning_closed');
  });
});

test.describe('as a seller', () => {
  test.use({ storageState: storageStateOf('seller') });

  test('a seller gets 403 for a dispute page and its upload route, and nothing is uploaded', async ({ page }) => {
    const dispute = await disputedPayment('pm_card_createDispute', 'Seller must not see this');
    const response = await page.goto(`/disputes/${dispute.id}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('form', { name: 'Dispute evidence' })).toHaveCount(0);
    const before = (await stripe.files.list({ purpose: 'dispute_evidence', limit: 100 })).data.length;
    const upload = await page.request.post(`/disputes/${dispute.id}/evidence-files`, {
      multipart: { field: 'receipt', file: { name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF } },
    });
    expect(upload.status()).toBe(403);
    expect((await stripe.files.list({ purpose: 'dispute_evidence', limit: 100 })).data.length).toBe(before);
  });
});
