// Dispute stories: a payment with the sandbox's dispute test card opens a chargeback; the dashboard saves a draft
// of the evidence, uploads a receipt (a real multipart upload through the SDK) and submits, once.
import { stageDisputeEvidence } from '@/lib/disputes/stage-dispute-evidence';
import { submitDisputeEvidence } from '@/lib/disputes/submit-dispute-evidence';
import { uploadEvidenceFile } from '@/lib/disputes/upload-evidence-file';
import { createHash } from 'node:crypto';
import { confirmedPayment, customerWithCard } from './payment-story';
import { sleep, type StoryContext } from './story-context';

/** A small PDF of its own per story: the same bytes would upload once for every dispute. */
function receiptPdf(index: number): Uint8Array {
  const text = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Chaos receipt ${index}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

export async function disputeStory(context: StoryContext, index: number): Promise<void> {
  const { stripe, db, actor } = context;
  const deps = { stripe, db };
  const { customerId, cardId } = await customerWithCard(context, index, 'pm_card_createDispute');
  const amount = 7000 + index;
  const paymentIntentId = await confirmedPayment(context, { index, amount, customerId, cardId, captureMethod: 'automatic' });
  context.ledger.payments.push({ paymentIntentId, status: 'succeeded', amountReceived: amount, refunds: [] });

  // The dispute opens with the charge; the dashboard finds it in its list.
  let disputeId: string | undefined;
  for (let attempt = 0; disputeId === undefined; attempt += 1) {
    if (attempt > 20) throw new Error(`no dispute opened for ${paymentIntentId}`);
    disputeId = (await context.setup(() => stripe.disputes.list({ payment_intent: paymentIntentId, limit: 1 }))).data[0]?.id;
    if (disputeId === undefined) await sleep(100);
  }
  const id = disputeId;
  const draft = { customer_name: `Chaos buyer ${index}`, product_description: `Order ${index}: one chaos widget` };
  await context.submit('stage-dispute-evidence', (nonce) => stageDisputeEvidence({ disputeId: id, evidence: draft, idempotencyNonce: nonce, actor }, deps), { objectId: id });

  const bytes = receiptPdf(index);
  const digest = createHash('sha256').update(bytes).digest('hex');
  const upload = await context.submit(
    'upload-dispute-evidence-file',
    () => uploadEvidenceFile({ disputeId: id, field: 'receipt', fileName: `receipt-${index}.pdf`, bytes, actor }, deps),
    { objectId: id, nonce: `receipt:${digest}` },
  );

  // Every other dispute carries the sandbox's winning evidence, so it settles (won) right after the submission.
  const isWon = index % 2 === 0;
  const evidence = { ...draft, receipt: upload.fileId, uncategorized_text: isWon ? 'winning_evidence' : `Delivered and signed for (order ${index}).` };
  await context.submit('submit-dispute-evidence', (nonce) => submitDisputeEvidence({ disputeId: id, evidence, idempotencyNonce: nonce, actor }, deps), { objectId: id });
  context.ledger.disputes.push({ disputeId: id, receiptFileId: upload.fileId, status: isWon ? 'won' : 'under_review' });
}
