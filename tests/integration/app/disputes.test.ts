// Disputes: save draft, submit, accept the loss and evidence uploads through the real SDK → sandbox → real database.
// Each test has its own sandbox account (fresh key), so "exactly one" is counted in Stripe itself.
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { makeValidatedAction } from '@/lib/actions/make-validated-action';
import type { SessionUser } from '@/lib/auth/require-role';
import { createDb } from '@/lib/db/client';
import { acceptDisputeLoss } from '@/lib/disputes/accept-dispute-loss';
import { saveDisputeDraftSchema, submitDisputeEvidenceSchema, evidenceOf } from '@/lib/disputes/dispute-input';
import { EVIDENCE_FILE_MAX_BYTES } from '@/lib/disputes/evidence-file-type';
import { listDisputes } from '@/lib/disputes/list-disputes';
import { retrieveDispute } from '@/lib/disputes/retrieve-dispute';
import { stageDisputeEvidence } from '@/lib/disputes/stage-dispute-evidence';
import { submitDisputeEvidence } from '@/lib/disputes/submit-dispute-evidence';
import { uploadEvidenceFile } from '@/lib/disputes/upload-evidence-file';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';
import { sandboxStripe } from '../../support/sandbox';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const support: SessionUser = { id: `user_${randomUUID()}`, email: 'support@paydesk.test', name: 'Support', role: 'support' };
const seller: SessionUser = { ...support, id: `user_${randomUUID()}`, email: 'seller@paydesk.test', role: 'seller' };

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));

/** A payment made with Stripe's dispute test card: it succeeds, then the cardholder disputes it as fraudulent. */
async function openDispute(stripe: Stripe): Promise<Stripe.Dispute> {
  const customer = await stripe.customers.create({ email: `payer-${randomUUID()}@example.com` });
  const intent = await stripe.paymentIntents.create({
    amount: 7500,
    currency: 'usd',
    customer: customer.id,
    payment_method: 'pm_card_createDispute',
    confirm: true,
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
  });
  const [dispute] = (await stripe.disputes.list({ payment_intent: intent.id })).data;
  if (!dispute) throw new Error('the dispute test card opened no dispute');
  return dispute;
}

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

/** What Stripe and our database hold for a dispute, to show that a refused action changed neither. */
async function snapshot(stripe: Stripe, disputeId: string) {
  const dispute = await stripe.disputes.retrieve(disputeId);
  const updates = (await stripe.events.list({ type: 'charge.dispute.updated', limit: 100 })).data.filter((event) => (event.data.object as Stripe.Dispute).id === disputeId);
  const files = (await stripe.files.list({ purpose: 'dispute_evidence', limit: 100 })).data.length;
  const audit = await db.auditEntry.count({ where: { OR: [{ objectId: disputeId }, { detail: { contains: disputeId } }] } });
  const projected = await db.stripeDispute.findUnique({ where: { id: disputeId }, select: { status: true, raw: true } });
  return { status: dispute.status, evidence: dispute.evidence, submissions: dispute.evidence_details.submission_count, updates: updates.length, files, audit, projected };
}

/** Delivers the sandbox's events for this account to the app's webhook ingest, signed as Stripe signs them. */
async function deliverEvents(stripe: Stripe, type: string) {
  const secret = `whsec_${randomUUID().replace(/-/g, '')}`;
  const events = [...(await stripe.events.list({ type, limit: 100 })).data].reverse();
  for (const event of events) {
    const payload = JSON.stringify(event, null, 2);
    const signatureHeader = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    await ingestWebhook({ rawBody: Buffer.from(payload), signatureHeader, secrets: [secret] }, db, stripe);
  }
}

describe('saving a draft', () => {
  it('stages the evidence once when the same draft form is saved twice, without submitting it', async () => {
    const stripe = sandboxStripe();
    const dispute = await openDispute(stripe);
    const options = { disputeId: dispute.id, evidence: { product_description: 'Gift cards, delivered by email', customer_name: 'Alan Turing' }, idempotencyNonce: randomUUID(), actor: support };
    const first = await stageDisputeEvidence(options, { stripe, db });
    const second = await stageDisputeEvidence(options, { stripe, db });
    expect(second).toEqual(first);

    const after = await snapshot(stripe, dispute.id);
    expect(after).toMatchObject({ status: 'needs_response', submissions: 0, updates: 1, audit: 1 });
    expect(after.evidence).toMatchObject({ product_description: 'Gift cards, delivered by email', customer_name: 'Alan Turing' });
    const entry = await db.auditEntry.findFirst({ where: { objectId: dispute.id } });
    expect(entry).toMatchObject({ action: 'stage-dispute-evidence', actorRole: 'support', idempotencyKey: `stage-dispute-evidence:${dispute.id}:${support.id}:${options.idempotencyNonce}` });
    expect(entry?.stripeRequestId).toMatch(/^req_/);
  });

  it('shows the staged evidence at once as awaiting confirmation, and as confirmed once the webhook arrives', async () => {
    const stripe = sandboxStripe();
    const dispute = await openDispute(stripe);
    await stageDisputeEvidence({ disputeId: dispute.id, evidence: { uncategorized_text: 'Signed delivery note attached' }, idempotencyNonce: randomUUID(), actor: support }, { stripe, db });
    const before = await retrieveDispute({ disputeId: dispute.id }, { stripe, db });
    expect(before).toMatchObject({ isAwaitingConfirmation: true, dispute: { status: 'needs_response', evidence: { uncategorized_text: 'Signed delivery note attached' } } });

    await deliverEvents(stripe, 'charge.dispute.*');
    const after = await retrieveDispute({ disputeId: dispute.id }, { stripe, db });
    expect(after).toMatchObject({ isAwaitingConfirmation: false, confirmedStatus: 'needs_response', dispute: { evidence: { uncategorized_text: 'Signed delivery note attached' } } });
  });
});

describe('reading a dispute', () => {
  it('reads one no webhook has brought yet from Stripe, unconfirmed, and answers null for one Stripe does not have', async () => {
    const stripe = sandboxStripe();
    const dispute = await openDispute(stripe);
    expect(await retrieveDispute({ disputeId: dispute.id }, { stripe, db })).toMatchObject({
      confirmedStatus: null,
      isAwaitingConfirmation: true,
      dispute: { id: dispute.id, status: 'needs_response', reason: 'fraudulent', amount: 7500, isOpen: true, dueBy: dispute.evidence_details.due_by },
    });
    expect(await retrieveDispute({ disputeId: 'dp_doesnotexist' }, { stripe, db })).toBeNull();
  });
});

describe('submitting', () => {
  it('submits once when the same submit form is sent twice, and a second form finds it already submitted, changing nothing', async () => {
    const stripe = sandboxStripe();
    const dispute = await openDispute(stripe);
    const options = { disputeId: dispute.id, evidence: { product_description: 'Gift cards', uncategorized_text: 'Customer redeemed the cards' }, idempotencyNonce: randomUUID(), actor: support };
    const first = await submitDisputeEvidence(options, { stripe, db });
    const replay = await submitDisputeEvidence(options, { stripe, db });
    expect(replay).toEqual(first);
    expect(first).toMatchObject({ status: 'under_review', submissionCount: 1, isOpen: false });

    const submitted = await snapshot(stripe, dispute.id);
    expect(submitted).toMatchObject({ status: 'under_review', submissions: 1, updates: 1, audit: 1 });

    await expect(submitDisputeEvidence({ ...options, idempotencyNonce: randomUUID() }, { stripe, db })).rejects.toMatchObject({
      code: 'conflict',
      message: "This dispute can't be submitted: its evidence has already been submitted. Nothing was changed.",
    });
    await expect(stageDisputeEvidence({ ...options, idempotencyNonce: randomUUID() }, { stripe, db })).rejects.toMatchObject({ code: 'conflict' });
    expect(await snapshot(stripe, dispute.id)).toEqual(submitted);
  });

  it('shows under review as awaiting confirmation until charge.dispute.updated arrives', async () => {
    const stripe = sandboxStripe();
    const dispute = await openDispute(stripe);
    await deliverEvents(stripe, 'charge.dispute.created');
    await submitDisputeEvidence({ disputeId: dispute.id, evidence: { product_description: 'Gift cards' }, idempotencyNonce: randomUUID(), actor: support }, { stripe, db });
    expect(await retrieveDispute({ disputeId: dispute.id }, { stripe, db })).toMatchObject({ confirmedStatus: 'needs_response', isAwaitingConfirmation: true, dispute: { status: 'under_review' } });
    await deliverEvents(stripe, 'charge.dispute.updated');
    expect(await retrieveDispute({ disputeId: dispute.id }, { stripe, db })).toMatchObject({ confirmedStatus: 'under_review', isAwaitingConfirmation: false });
  });

  it('asks for the confirmation box and for text within Stripe’s limits before anything is sent', async () => {
    const stripe = sandboxStripe();
    const dispute = await openDispute(stripe);
    const before = await snapshot(stripe, dispute.id);
    const validatedAction = makeValidatedAction({ getUser: async () => support });
    const action = validatedAction({ name: 'submit-dispute-evidence', permission: 'disputes:respond', schema: submitDisputeEvidenceSchema }, (input, { user }) =>
      submitDisputeEvidence({ disputeId: input.disputeId, evidence: evidenceOf(input), idempotencyNonce: input.submitNonce, actor: user }, { stripe, db }),
    );
    const unconfirmed = await action(null, form({ disputeId: dispute.id, submitNonce: randomUUID(), product_description: 'Gift cards' }));
    expect(unconfirmed).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { confirmSubmit: 'Tick the box to confirm: submitted evidence cannot be changed.' } });
    const tooLong = await action(null, form({ disputeId: dispute.id, submitNonce: randomUUID(), confirmSubmit: 'on', product_description: 'x'.repeat(20_001) }));
    expect(tooLong).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { product_description: 'At most 20,000 characters.' } });
    expect(await snapshot(stripe, dispute.id)).toEqual(before);
  });
});

describe('accepting the loss', () => {
  it('closes the dispute as lost once, and then refuses evidence and uploads, changing nothing', async () => {
    const stripe = sandboxStripe();
    const dispute = await openDispute(stripe);
    const options = { disputeId: dispute.id, idempotencyNonce: randomUUID(), actor: support };
    const closed = await acceptDisputeLoss(options, { stripe, db });
    expect(await acceptDisputeLoss(options, { stripe, db })).toEqual(closed);
    expect(closed).toMatchObject({ status: 'lost', isOpen: false });
    expect(await db.auditEntry.count({ where: { objectId: dispute.id, action: 'accept-dispute-loss' } })).toBe(1);

    const after = await snapshot(stripe, dispute.id);
    await expect(stageDisputeEvidence({ disputeId: dispute.id, evidence: { uncategorized_text: 'Late evidence' }, idempotencyNonce: randomUUID(), actor: support }, { stripe, db })).rejects.toMatchObject({
      code: 'conflict',
      message: "This dispute can't take evidence: it is closed (lost). Nothing was changed.",
    });
    await expect(uploadEvidenceFile({ disputeId: dispute.id, field: 'receipt', fileName: 'receipt.pdf', bytes: PDF, actor: support }, { stripe, db })).rejects.toMatchObject({ code: 'conflict' });
    await expect(acceptDisputeLoss({ ...options, idempotencyNonce: randomUUID() }, { stripe, db })).rejects.toMatchObject({ code: 'conflict' });
    expect(await snapshot(stripe, dispute.id)).toEqual(after);
  });
});

describe('evidence files', () => {
  it('uploads a PDF once as dispute evidence, and the draft keeps its file id', async () => {
    const stripe = sandboxStripe();
    const dispute = await openDispute(stripe);
    const upload = () => uploadEvidenceFile({ disputeId: dispute.id, field: 'receipt', fileName: '../../receipt March.pdf', bytes: PDF, actor: support }, { stripe, db });
    const uploaded = await upload();
    expect(await upload()).toEqual(uploaded);
    expect(uploaded).toMatchObject({ fileId: expect.stringMatching(/^file_/), name: 'receipt March.pdf', type: 'application/pdf', size: PDF.byteLength });
    const file = await stripe.files.retrieve(uploaded.fileId);
    expect(file).toMatchObject({ purpose: 'dispute_evidence', type: 'pdf' });
    expect((await stripe.files.list({ purpose: 'dispute_evidence' })).data).toHaveLength(1);

    await stageDisputeEvidence({ disputeId: dispute.id, evidence: { receipt: uploaded.fileId }, idempotencyNonce: randomUUID(), actor: support }, { stripe, db });
    expect((await stripe.disputes.retrieve(dispute.id)).evidence.receipt).toBe(uploaded.fileId);
  });

  it.each([
    ['a .pdf name over bytes that are not a PDF', 'receipt.pdf', new Uint8Array(Buffer.from('<html>not a pdf</html>')), 'Only PDF, JPEG or PNG files can be evidence, and this file is none of them (whatever its name says).'],
    ['a file above 5 MB', 'scan.pdf', (() => { const big = new Uint8Array(EVIDENCE_FILE_MAX_BYTES + 1); big.set(PDF); return big; })(), 'The file is 5.0 MB; Stripe accepts evidence files of at most 5 MB.'],
    ['an empty file', 'empty.pdf', new Uint8Array(0), 'The file is empty.'],
  ])('refuses %s before anything reaches Stripe', async (_label, fileName, bytes, message) => {
    const stripe = sandboxStripe();
    const dispute = await openDispute(stripe);
    const before = await snapshot(stripe, dispute.id);
    await expect(uploadEvidenceFile({ disputeId: dispute.id, field: 'receipt', fileName, bytes, actor: support }, { stripe, db })).rejects.toMatchObject({ code: 'invalid_input', message });
    expect(await snapshot(stripe, dispute.id)).toEqual(before);
    expect(before.files).toBe(0);
  });

  it('refuses a file id that is not an upload of this account, naming the field', async () => {
    const stripe = sandboxStripe();
    const dispute = await openDispute(stripe);
    const before = await snapshot(stripe, dispute.id);
    await expect(stageDisputeEvidence({ disputeId: dispute.id, evidence: { receipt: 'file_doesnotexist' }, idempotencyNonce: randomUUID(), actor: support }, { stripe, db })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { receipt: 'That file is not in Stripe (or not this account’s); upload it again.' },
    });
    expect(await snapshot(stripe, dispute.id)).toEqual(before);
  });
});

describe('who may respond', () => {
  it('lets support save a draft through the action pipeline and refuses a seller before anything is read', async () => {
    const stripe = sandboxStripe();
    const dispute = await openDispute(stripe);
    const actionFor = (user: SessionUser) =>
      makeValidatedAction({ getUser: async () => user })({ name: 'stage-dispute-evidence', permission: 'disputes:respond', schema: saveDisputeDraftSchema }, (input, context) =>
        stageDisputeEvidence({ disputeId: input.disputeId, evidence: evidenceOf(input), idempotencyNonce: input.draftNonce, actor: context.user }, { stripe, db }),
      );
    const fields = { disputeId: dispute.id, draftNonce: randomUUID(), customer_name: 'Alan Turing' };
    const before = await snapshot(stripe, dispute.id);
    expect(await actionFor(seller)(null, form(fields))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await snapshot(stripe, dispute.id)).toEqual(before);
    expect(await actionFor(support)(null, form(fields))).toMatchObject({ ok: true, data: { evidence: { customer_name: 'Alan Turing' } } });
  });
});

describe('the disputes list', () => {
  it('puts overdue and soon-due disputes first by due date, filters by status and reason, and pages by cursor', async () => {
    const now = 2_000_000_000;
    const base = { currency: 'usd', chargeId: 'ch_list', amount: 1000, hasEvidence: false, submissionCount: 0, created: now - 86_400, updatedFromEventCreated: now - 86_400, source: 'webhook', raw: '{}' };
    const tag = randomUUID().replace(/-/g, '').slice(0, 12);
    const rows = [
      { id: `dp_${tag}later`, status: 'needs_response', reason: 'credit_not_processed', evidenceDueBy: 1_000_000_300 },
      { id: `dp_${tag}overdue`, status: 'needs_response', reason: 'credit_not_processed', evidenceDueBy: 1_000_000_100 },
      { id: `dp_${tag}soon`, status: 'warning_needs_response', reason: 'credit_not_processed', evidenceDueBy: 1_000_000_200 },
      { id: `dp_${tag}review`, status: 'under_review', reason: 'credit_not_processed', evidenceDueBy: 1_000_000_000 },
    ];
    for (const row of rows) await db.stripeDispute.create({ data: { ...base, ...row, updatedFromEventId: `evt_${row.id}` } });
    try {
      const first = await listDisputes({ filter: { reason: 'credit_not_processed' }, limit: 2, now }, db);
      expect(first.disputes.map((dispute) => dispute.id)).toEqual([`dp_${tag}overdue`, `dp_${tag}soon`]);
      expect(first.disputes[0]).toMatchObject({ urgency: 'overdue', isAwaitingConfirmation: false });
      const second = await listDisputes({ filter: { reason: 'credit_not_processed', after: first.nextCursor! }, limit: 2, now }, db);
      expect(second.disputes[0]?.id).toBe(`dp_${tag}later`);
      const reviewed = await listDisputes({ filter: { reason: 'credit_not_processed', status: 'under_review' }, limit: 100, now }, db);
      expect(reviewed.disputes.map((dispute) => dispute.id)).toContain(`dp_${tag}review`);
      expect(reviewed.disputes.every((dispute) => dispute.status === 'under_review' && dispute.urgency === 'none')).toBe(true);
    } finally {
      await db.stripeDispute.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
    }
  });
});
