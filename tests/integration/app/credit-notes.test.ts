// Credit notes on an invoice a quote created: preview, create (once per form), refusals above what is creditable,
// void — through the real SDK → sandbox → real database, projected from signed webhooks.
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { makeValidatedAction } from '@/lib/actions/make-validated-action';
import type { SessionUser } from '@/lib/auth/require-role';
import { createCreditNote } from '@/lib/credit-notes/create-credit-note';
import { creditNoteFormSchema, voidCreditNoteSchema } from '@/lib/credit-notes/credit-note-input';
import { listCreditNotes } from '@/lib/credit-notes/list-credit-notes';
import { previewCreditNote } from '@/lib/credit-notes/preview-credit-note';
import { voidCreditNote } from '@/lib/credit-notes/void-credit-note';
import { createDb } from '@/lib/db/client';
import { finalizeInvoice } from '@/lib/invoices/finalize-invoice';
import { payInvoice } from '@/lib/invoices/pay-invoice';
import { retrieveInvoice } from '@/lib/invoices/retrieve-invoice';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';
import { sandboxStripe } from '../../support/sandbox';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const admin: SessionUser = { id: `user_${randomUUID()}`, email: 'admin@paydesk.test', name: 'Admin', role: 'admin' };
const support: SessionUser = { ...admin, id: `user_${randomUUID()}`, email: 'support@paydesk.test', role: 'support' };

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

async function deliverEvents(stripe: Stripe, ...types: string[]) {
  const secret = `whsec_${randomUUID().replace(/-/g, '')}`;
  const events = (await stripe.events.list({ limit: 100 })).data.filter((event) => types.some((type) => event.type.startsWith(type))).reverse();
  for (const event of events) {
    const payload = JSON.stringify(event, null, 2);
    const signatureHeader = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect((await ingestWebhook({ rawBody: Buffer.from(payload), signatureHeader, secrets: [secret] }, db, stripe)).status).toBe(200);
  }
}

/**
 * An accepted quote's invoice (4 × 25.00 = 100.00, and with `secondLine` another 1 × 100.00), finalized from the
 * dashboard and, with `pay`, paid with a card.
 */
async function quotedInvoice(pay = false, secondLine = false) {
  const stripe = sandboxStripe();
  const customer = await stripe.customers.create({ email: `client-${randomUUID()}@example.com` });
  const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
  const price = await stripe.prices.create({ currency: 'usd', unit_amount: 2500, product_data: { name: 'Licence' } });
  const quote = await stripe.quotes.finalizeQuote((await stripe.quotes.create({ customer: customer.id, line_items: [{ price: price.id, quantity: 4 }, ...(secondLine ? [{ price_data: { currency: 'usd', product: price.product as string, unit_amount: 10000 } }] : [])] })).id);
  const accepted = await stripe.quotes.accept(quote.id);
  const invoiceId = accepted.invoice as string;
  await finalizeInvoice({ invoiceId, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
  if (pay) await payInvoice({ invoiceId, method: 'saved_card', paymentMethodId: card.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
  const invoice = await stripe.invoices.retrieve(invoiceId);
  return { stripe, customer, invoice, line: invoice.lines.data[0]! };
}

const fields = (invoiceId: string, extra: Record<string, string | string[]>) =>
  creditNoteFormSchema.parse({ invoiceId, mode: 'amount', postPayment: 'credit', idempotencyNonce: randomUUID(), ...extra });

describe('previewing', () => {
  it('shows the effect on what is due before anything is created', async () => {
    const { stripe, invoice, line } = await quotedInvoice();
    const input = fields(invoice.id, { mode: 'lines', 'lineId': [line.id], 'lineQuantity': ['1'], reason: 'order_change' });
    const preview = await previewCreditNote(input, { stripe });
    expect(preview).toMatchObject({
      total: 2500,
      prePaymentAmount: 2500,
      postPaymentAmount: 0,
      amountRemainingBefore: 10000,
      amountRemainingAfter: 7500,
      creditableBefore: 10000,
      creditableAfter: 7500,
      lines: [{ amount: 2500 }],
    });
    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(0);
  });

  it('on a paid invoice, splits the credit into the customer balance (or a refund) with nothing due left to lower', async () => {
    const { stripe, invoice } = await quotedInvoice(true);
    const credit = await previewCreditNote(fields(invoice.id, { amount: '30' }), { stripe });
    expect(credit).toMatchObject({ total: 3000, prePaymentAmount: 0, postPaymentAmount: 3000, creditAmount: 3000, refundAmount: 0, amountRemainingAfter: 0 });
    const refund = await previewCreditNote(fields(invoice.id, { amount: '30', postPayment: 'refund' }), { stripe });
    expect(refund).toMatchObject({ refundAmount: 3000, creditAmount: 0 });
  });
});

describe('creating', () => {
  it('creates one credit note when the same form is sent twice, and the invoice page shows it after the webhooks', async () => {
    const { stripe, customer, invoice } = await quotedInvoice(true);
    const input = fields(invoice.id, { amount: '25.00', reason: 'product_unsatisfactory', memo: 'One licence returned' });
    const first = await createCreditNote({ ...input, actor: admin }, { stripe, db });
    const replay = await createCreditNote({ ...input, actor: admin }, { stripe, db });
    expect(replay).toEqual(first);
    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { action: 'create-credit-note', objectId: first.id } })).toBe(1);
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ balance: -2500 });

    await deliverEvents(stripe, 'invoice.', 'credit_note.');
    const detail = await retrieveInvoice({ invoiceId: invoice.id }, { stripe, db });
    expect(detail).toMatchObject({ confirmedStatus: 'paid', amountPaid: 10000, postPaymentCredited: 2500, creditable: 7500 });
    expect(detail?.creditNotes).toEqual([expect.objectContaining({ id: first.id, total: 2500, creditAmount: 2500, memo: 'One licence returned', reason: 'product_unsatisfactory' })]);
    const listed = await listCreditNotes({}, db);
    expect(listed.creditNotes.find((note) => note.id === first.id)).toMatchObject({ invoiceId: invoice.id, status: 'issued', customer: { id: customer.id } });
  });

  it('refuses more than is creditable with a clear message, and creates nothing', async () => {
    const { stripe, invoice, line } = await quotedInvoice(true);
    await expect(createCreditNote({ ...fields(invoice.id, { amount: '100.01' }), actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { amount: 'At most $100.00 can still be credited on this invoice; this is $100.01.' },
    });
    await createCreditNote({ ...fields(invoice.id, { amount: '60' }), actor: admin }, { stripe, db });
    await expect(createCreditNote({ ...fields(invoice.id, { amount: '40.01' }), actor: admin }, { stripe, db })).rejects.toMatchObject({
      fieldErrors: { amount: 'At most $40.00 can still be credited on this invoice; this is $40.01.' },
    });
    await expect(createCreditNote({ ...fields(invoice.id, { mode: 'lines', lineId: [line.id], lineQuantity: ['5'] }), actor: admin }, { stripe, db })).rejects.toMatchObject({
      fieldErrors: { 'lines.0.quantity': 'At most 4 can be credited on this line.' },
    });
    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { action: 'create-credit-note', detail: { contains: invoice.id } } })).toBe(1);
  });

  it('maps Stripe’s refusal of a line beyond what is left on it to the lines', async () => {
    const { stripe, invoice, line } = await quotedInvoice(false, true);
    await createCreditNote({ ...fields(invoice.id, { mode: 'lines', lineId: [line.id], lineQuantity: ['3'] }), actor: admin }, { stripe, db });
    await expect(createCreditNote({ ...fields(invoice.id, { mode: 'lines', lineId: [line.id], lineQuantity: ['2'] }), actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { lines: expect.stringContaining('exceeds the amount that can still be credited') },
    });
    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(1);
  });

  it('support may view but not issue credit notes', async () => {
    const { stripe, invoice } = await quotedInvoice();
    const action = makeValidatedAction({ getUser: async () => support })({ name: 'create-credit-note', permission: 'credit-notes:create', schema: creditNoteFormSchema }, (input, context) =>
      createCreditNote({ ...input, actor: context.user }, { stripe, db }),
    );
    const result = await action(null, form({ invoiceId: invoice.id, mode: 'amount', amount: '10', postPayment: 'credit', idempotencyNonce: randomUUID() }));
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(0);
  });
});

describe('voiding', () => {
  it('voids once, restoring what is due, and refuses to void again', async () => {
    const { stripe, invoice } = await quotedInvoice();
    const note = await createCreditNote({ ...fields(invoice.id, { amount: '100' }), actor: admin }, { stripe, db });
    expect(await stripe.invoices.retrieve(invoice.id)).toMatchObject({ status: 'paid', amount_remaining: 0 });
    const input = voidCreditNoteSchema.parse({ creditNoteId: note.id, idempotencyNonce: randomUUID() });
    expect(await voidCreditNote({ ...input, actor: admin }, { stripe, db })).toEqual({ id: note.id, status: 'void', invoiceId: invoice.id });
    expect(await voidCreditNote({ ...input, actor: admin }, { stripe, db })).toMatchObject({ status: 'void' });
    expect(await stripe.invoices.retrieve(invoice.id)).toMatchObject({ status: 'open', amount_remaining: 10000 });
    await expect(voidCreditNote({ ...input, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'conflict',
      message: 'This credit note is already void. Nothing was changed.',
    });
    const voided = await stripe.events.list({ type: 'credit_note.voided' });
    expect(voided.data).toHaveLength(1);

    await deliverEvents(stripe, 'invoice.', 'credit_note.');
    expect(await db.stripeCreditNote.findUnique({ where: { id: note.id } })).toMatchObject({ status: 'void', total: 10000 });
    expect(await db.stripeInvoice.findUnique({ where: { id: invoice.id } })).toMatchObject({ status: 'open', amountRemaining: 10000 });
  });

  it('refuses to void a credit note that refunded the card', async () => {
    const { stripe, invoice } = await quotedInvoice(true);
    const note = await createCreditNote({ ...fields(invoice.id, { amount: '10', postPayment: 'refund' }), actor: admin }, { stripe, db });
    await expect(voidCreditNote({ creditNoteId: note.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({ code: 'conflict' });
    expect(await stripe.creditNotes.retrieve(note.id)).toMatchObject({ status: 'issued' });
  });
});
