import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { freshSecretKey, sandboxBase, sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { CARDS_ONLY, stripeError } from './payment-helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

function account() {
  const key = freshSecretKey('files');
  return { key, stripe: sandboxStripe(key) };
}

const upload = (stripe: Stripe, data: Buffer, name = 'evidence.pdf', type = 'application/pdf', purpose: Stripe.FileCreateParams.Purpose = 'dispute_evidence') =>
  stripe.files.create({ purpose, file: { data, name, type } });

describe('files', () => {
  it('uploads dispute evidence over multipart through the SDK and serves it back', async () => {
    const { key, stripe } = account();
    const file = await upload(stripe, PDF);
    expectStripeShape(file, 'file');
    expect(file).toMatchObject({ purpose: 'dispute_evidence', type: 'pdf', size: PDF.length, filename: 'evidence.pdf', title: null });
    expect(file.id).toMatch(/^file_/);
    // Dispute evidence expires after about nine months.
    expect(file.expires_at! - file.created).toBeGreaterThan(250 * 86_400);
    expect(await stripe.files.retrieve(file.id)).toMatchObject({ id: file.id, size: PDF.length });

    const contents = await fetch(file.url!, { headers: { Authorization: `Bearer ${key}` } });
    expect(contents.status).toBe(200);
    expect(contents.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await contents.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(file.url!)).status).toBe(401);
    expect((await fetch(file.url!, { headers: { Authorization: `Bearer ${freshSecretKey('other')}` } })).status).toBe(404);

    const listed = await stripe.files.list({ purpose: 'dispute_evidence' });
    expect(listed.data.map((f) => f.id)).toEqual([file.id]);
    expect((await stripe.files.list({ purpose: 'business_logo' })).data).toEqual([]);
    const created = await stripe.events.list({ type: 'file.created' });
    expect(created.data.map((event) => (event.data.object as Stripe.File).id)).toEqual([file.id]);
  });

  it('judges the type by the bytes, not the name, and refuses what the purpose does not accept', async () => {
    const { stripe } = account();
    const disguised = await stripeError(() => upload(stripe, Buffer.from('MZ\x90\x00 not a pdf at all'), 'invoice.pdf'));
    expect(disguised).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'file' });
    expect(disguised.message).toBe(
      "We don't currently support that file type. Try uploading a file with one of the following mimetypes: application/pdf, image/jpeg, image/png.",
    );
    // A PNG is fine as evidence even when it is called .pdf.
    expect(await upload(stripe, PNG, 'photo.pdf')).toMatchObject({ type: 'png' });
    // A business logo cannot be a PDF.
    const logo = await stripeError(() => upload(stripe, PDF, 'logo.pdf', 'application/pdf', 'business_logo'));
    expect(logo.message).toContain('image/jpeg, image/png, image/gif');
    expect((await stripe.files.list()).data).toHaveLength(1);
  });

  it('refuses files over the purpose size limit and empty files, keeping nothing', async () => {
    const { key, stripe } = account();
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await stripeError(() => upload(stripe, big));
    expect(tooLarge).toMatchObject({ statusCode: 400, param: 'file' });
    expect(tooLarge.message).toMatch(/too large .*at most 5 MB/);
    const empty = await stripeError(() => upload(stripe, Buffer.alloc(0)));
    expect(empty.message).toBe('The file you uploaded is empty.');
    // The SDK cannot send an upload without a file; a hand-made multipart request can.
    const noFile = new FormData();
    noFile.append('purpose', 'dispute_evidence');
    const missing = await fetch(`${sandboxBase()}/v1/files`, { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body: noFile });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatchObject({ code: 'parameter_missing', param: 'file' });
    const unknown = await stripeError(() => stripe.files.retrieve('file_missing'));
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such file upload: 'file_missing'" });
    expect((await stripe.files.list()).data).toEqual([]);
  });

  it('replays an upload with the same idempotency key and refuses a different file under it', async () => {
    const { stripe } = account();
    const params = { purpose: 'dispute_evidence' as const, file: { data: PDF, name: 'a.pdf', type: 'application/pdf' } };
    const first = await stripe.files.create(params, { idempotencyKey: 'upload-1' });
    const again = await stripe.files.create(params, { idempotencyKey: 'upload-1' });
    expect(again.id).toBe(first.id);
    const other = await stripeError(() => stripe.files.create({ ...params, file: { ...params.file, data: PNG } }, { idempotencyKey: 'upload-1' }));
    expect(other).toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError' });
    expect((await stripe.files.list()).data).toHaveLength(1);
  });
});

describe('file links', () => {
  it('shares a downloadable file at a public address until the link expires', async () => {
    const { stripe } = account();
    const file = await upload(stripe, PNG, 'receipt.png', 'image/png');
    const link = await stripe.fileLinks.create({ file: file.id, metadata: { order: '42' } });
    expectStripeShape(link, 'file_link');
    expect(link).toMatchObject({ file: file.id, expired: false, expires_at: null, metadata: { order: '42' } });
    const download = await fetch(link.url!);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);

    expect((await stripe.files.retrieve(file.id)).links?.data.map((l) => l.id)).toEqual([link.id]);
    expect((await stripe.fileLinks.list({ file: file.id })).data.map((l) => l.id)).toEqual([link.id]);

    const expired = await stripe.fileLinks.update(link.id, { expires_at: 'now' });
    expect(expired.expired).toBe(true);
    expect((await fetch(link.url!)).status).toBe(410);
    expect((await stripe.fileLinks.list({ expired: false })).data).toEqual([]);
    const late = await stripeError(() => stripe.fileLinks.update(link.id, { metadata: { order: '43' } }));
    expect(late.message).toContain('expired');
  });

  it('creates a link with the upload, and refuses links to files Stripe never serves back', async () => {
    const { stripe } = account();
    const file = await stripe.files.create({
      purpose: 'dispute_evidence',
      file: { data: PDF, name: 'e.pdf', type: 'application/pdf' },
      file_link_data: { create: true },
    });
    expect(file.links?.data).toHaveLength(1);
    const identity = await upload(stripe, PDF, 'passport.pdf', 'application/pdf', 'identity_document');
    expect(identity.url).toBeNull();
    const refused = await stripeError(() => stripe.fileLinks.create({ file: identity.id }));
    expect(refused).toMatchObject({ statusCode: 400, param: 'file' });
    const past = await stripeError(() => stripe.fileLinks.create({ file: file.id, expires_at: 1_000 }));
    expect(past).toMatchObject({ statusCode: 400, param: 'expires_at' });
    const missing = await stripeError(() => stripe.fileLinks.create({ file: 'file_nope' }));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});

describe('file evidence on disputes', () => {
  it('accepts uploaded evidence files and refuses unknown ids, wrong purposes and an oversized total', async () => {
    const { stripe } = account();
    const intent = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd', payment_method: 'pm_card_createDispute', confirm: true, ...CARDS_ONLY });
    const dispute = (await stripe.disputes.list({ payment_intent: intent.id })).data[0]!;
    const receipt = await upload(stripe, PDF);
    const staged = await stripe.disputes.update(dispute.id, { evidence: { receipt: receipt.id }, submit: false });
    expect(staged.evidence.receipt).toBe(receipt.id);

    const unknown = await stripeError(() => stripe.disputes.update(dispute.id, { evidence: { refund_policy: 'file_nope' }, submit: false }));
    expect(unknown).toMatchObject({ statusCode: 404, message: "No such file upload: 'file_nope'", param: 'evidence[refund_policy]' });
    const logo = await upload(stripe, PNG, 'logo.png', 'image/png', 'business_logo');
    const wrongPurpose = await stripeError(() => stripe.disputes.update(dispute.id, { evidence: { refund_policy: logo.id }, submit: false }));
    expect(wrongPurpose).toMatchObject({ statusCode: 400, param: 'evidence[refund_policy]' });

    const chunk = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]);
    const [a, b, c] = await Promise.all([upload(stripe, chunk), upload(stripe, chunk), upload(stripe, chunk)]);
    const tooMuch = await stripeError(() =>
      stripe.disputes.update(dispute.id, { evidence: { refund_policy: a.id, shipping_documentation: b.id, uncategorized_file: c.id }, submit: false }),
    );
    expect(tooMuch.message).toContain("exceed the limit for a dispute's total size");
    expect((await stripe.disputes.retrieve(dispute.id)).evidence).toMatchObject({ receipt: receipt.id, refund_policy: null, uncategorized_file: null });
  });
});
