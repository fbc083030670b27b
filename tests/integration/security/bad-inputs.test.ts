// Bad input, tried systematically: every form's action, the route handlers' checks and the webhook endpoint are fed
// malformed, hostile, foreign or wrong-state input. Each row must get a clear answer (a status or a message the user
// can act on, on the field it concerns) AND leave the sandbox account and the database exactly as they were.
// One sandbox account per group (a second one plays another merchant whose ids are tried); rows within a group run one
// after another against the same fixtures. The evidence upload and CSV export routes are reached through the functions
// they call (their session lookup needs a Next request); the webhook route is called itself for the oversized body.
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postWebhook } from '@/app/api/webhooks/stripe/route';
import { signInAction } from '@/app/sign-in/actions';
import { ActionError } from '@/lib/actions/action-error';
import type { ActionResult } from '@/lib/actions/action-result';
import type { SessionUser } from '@/lib/auth/require-role';
import { createDb } from '@/lib/db/client';
import { EVIDENCE_FILE_MAX_BYTES } from '@/lib/disputes/evidence-file-type';
import { submitDisputeEvidence } from '@/lib/disputes/submit-dispute-evidence';
import { acceptDisputeLoss } from '@/lib/disputes/accept-dispute-loss';
import { uploadEvidenceFile } from '@/lib/disputes/upload-evidence-file';
import { exportPaymentsCsv } from '@/lib/payments/export-payments-csv';
import { parsePaymentListSearch } from '@/lib/payments/list-payments-filter';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';
import { sandboxStripe } from '../../support/sandbox';
import { createExpressAccount } from '../sandbox/connect-helpers';
import { actionsFor, form, type Actions } from './bad-inputs-actions';
import { expectRefusal, snapshotState, type Refusal, type Scope } from './bad-inputs-state';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const user = (role: SessionUser['role']): SessionUser => ({ id: `user_${randomUUID()}`, email: `${role}-${randomUUID()}@paydesk.test`, name: role, role });
const admin = user('admin');
const support = user('support');
const seller = user('seller');
const ACTORS = [admin.id, support.id, seller.id];

const SCRIPT = '<script>alert(document.cookie)</script>';
const SQL = "'; DROP TABLE \"AuditEntry\"; --";
const NUL = 'Acme\u0000Corp';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

type Outcome = ActionResult<unknown>;
interface Row {
  name: string;
  run: () => Promise<Outcome>;
  refusal: Refusal;
}

async function expectUnchanged(scope: Scope, run: () => Promise<void>): Promise<void> {
  const before = await snapshotState(scope, db);
  await run();
  expect(await snapshotState(scope, db)).toEqual(before);
}

/** One test per row: the refusal is asserted, then that the sandbox account and the database are as they were. */
function refusesEach(rows: Row[], scope: () => Scope) {
  it.each(rows)('$name', async (row) => expectUnchanged(scope(), async () => expectRefusal(await row.run(), row.refusal)));
}

const nonce = () => randomUUID();
const metadataPairs = (count: number) => ({ 'metadataKey[]': Array.from({ length: count }, (_, i) => `k${i}`), 'metadataValue[]': Array.from({ length: count }, () => 'v') });

describe('bad input to the payment forms', () => {
  const stripe = sandboxStripe();
  const other = sandboxStripe();
  const asAdmin: Actions = actionsFor(admin, stripe, db);
  const asSupport: Actions = actionsFor(support, stripe, db);
  const asSeller: Actions = actionsFor(seller, stripe, db);
  const ids = { customer: '', card: '', succeeded: '', authorized: '', canceled: '', otherPayment: '', otherCustomer: '' };
  const scope = (): Scope => ({ stripe, actorIds: ACTORS, extraIds: [ids.otherPayment, ids.otherCustomer] });

  beforeAll(async () => {
    const customer = await stripe.customers.create({ email: 'payer@example.com' });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const pay = (capture_method: 'automatic' | 'manual', amount = 5000) =>
      stripe.paymentIntents.create({ amount, currency: 'usd', customer: customer.id, payment_method: card.id, confirm: true, capture_method, automatic_payment_methods: { enabled: true, allow_redirects: 'never' } });
    const [succeeded, authorized, toCancel] = await Promise.all([pay('automatic', 60_000), pay('manual'), pay('manual')]);
    await stripe.paymentIntents.cancel(toCancel.id);
    const otherCustomer = await other.customers.create({ email: 'someone-else@example.com' });
    const otherPayment = await other.paymentIntents.create({ amount: 5000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, automatic_payment_methods: { enabled: true, allow_redirects: 'never' } });
    Object.assign(ids, { customer: customer.id, card: card.id, succeeded: succeeded.id, authorized: authorized.id, canceled: toCancel.id, otherPayment: otherPayment.id, otherCustomer: otherCustomer.id });
  });

  const create = (fields: Record<string, string | string[]>) => () =>
    asAdmin.createPayment(null, form({ amount: '10', currency: 'usd', captureMethod: 'automatic', confirmationMode: 'browser', idempotencyNonce: nonce(), ...fields }));
  const amountRow = (name: string, amount: string, message: RegExp, currency = 'usd'): Row => ({ name, run: create({ amount, currency }), refusal: { code: 'invalid_input', field: 'amount', message } });
  const capture = (paymentIntentId: () => string, amount = '') => () => asAdmin.capturePayment(null, form({ paymentIntentId: paymentIntentId(), amount, idempotencyNonce: nonce() }));
  const refund = (paymentIntentId: () => string, amount = '', reason = '') => () => asAdmin.refundPayment(null, form({ paymentIntentId: paymentIntentId(), amount, reason, idempotencyNonce: nonce() }));

  const rows: Row[] = [
    amountRow('a comma as the decimal separator ("1,5")', '1,5', /commas only between groups of three/),
    amountRow('scientific notation ("1e3")', '1e3', /Write the amount out in full/),
    amountRow('a hexadecimal amount ("0x10")', '0x10', /Enter the amount as a number/),
    amountRow('a blank amount (" ")', ' ', /Enter an amount/),
    amountRow('"NaN"', 'NaN', /Enter the amount as a number/),
    amountRow('"Infinity"', 'Infinity', /Enter the amount as a number/),
    amountRow('a negative amount', '-5', /can't be negative/),
    amountRow('zero', '0', /above zero/),
    amountRow('more than Stripe accepts', '1000000', /most Stripe accepts in USD/),
    amountRow('a 30-digit amount', '999999999999999999999999999999', /most Stripe accepts in USD/),
    amountRow('three decimals in USD (1.005)', '1.005', /USD allows at most 2 decimal places/),
    amountRow('decimals in JPY (1.5)', '1.5', /JPY has no decimal places/, 'jpy'),
    amountRow('four decimals in KWD (1.0005)', '1.0005', /KWD allows at most 3 decimal places/, 'kwd'),
    amountRow('less than Stripe’s minimum', '0.10', /smallest payment in USD/),
    amountRow('two decimal points', '1.2.3', /Enter the amount as a number/),
    amountRow('Arabic-Indic digits', '١٢', /Enter the amount as a number/),
    amountRow('full-width digits', '１０', /Enter the amount as a number/),
    amountRow('a plus sign', '+5', /Enter the amount as a number/),
    amountRow('spaces between groups of digits', '10 000', /Enter the amount as a number/),
    amountRow('a NUL byte after the digits', '10\u0000', /Enter the amount as a number/),
    amountRow('a currency sign in the amount', '$10', /Enter the amount as a number/),
    amountRow('an amount with SQL in it', `10${SQL}`, /Enter the amount as a number/),
    { name: 'an unknown currency (XYZ)', run: create({ currency: 'xyz' }), refusal: { code: 'invalid_input', field: 'currency' } },
    { name: 'a script tag as the currency', run: create({ currency: SCRIPT }), refusal: { code: 'invalid_input', field: 'currency' } },
    { name: 'a 1001-character description', run: create({ description: 'x'.repeat(1001) }), refusal: { code: 'invalid_input', field: 'description', message: /at most 1000 characters/ } },
    { name: 'a NUL byte in the description', run: create({ description: NUL }), refusal: { code: 'invalid_input', field: 'description' } },
    { name: '51 metadata keys', run: create(metadataPairs(51)), refusal: { code: 'invalid_input', field: 'metadata', message: /At most 50 metadata pairs/ } },
    { name: 'a 41-character metadata key', run: create({ 'metadataKey[]': ['k'.repeat(41)], 'metadataValue[]': ['v'] }), refusal: { code: 'invalid_input', field: 'metadata.0.key', message: /at most 40 characters/ } },
    { name: 'square brackets in a metadata key', run: create({ 'metadataKey[]': ['order[id]'], 'metadataValue[]': ['1'] }), refusal: { code: 'invalid_input', field: 'metadata.0.key', message: /square brackets/ } },
    { name: 'a 501-character metadata value', run: create({ 'metadataKey[]': ['note'], 'metadataValue[]': ['v'.repeat(501)] }), refusal: { code: 'invalid_input', field: 'metadata.0.value', message: /at most 500 characters/ } },
    { name: 'a NUL byte in a metadata value', run: create({ 'metadataKey[]': ['note'], 'metadataValue[]': [NUL] }), refusal: { code: 'invalid_input', field: 'metadata.0.value' } },
    { name: 'the same metadata key twice', run: create({ 'metadataKey[]': ['a', 'a'], 'metadataValue[]': ['1', '2'] }), refusal: { code: 'invalid_input', field: 'metadata.1.key', message: /already used/ } },
    { name: 'a metadata value without a key', run: create({ 'metadataKey[]': [''], 'metadataValue[]': ['orphan'] }), refusal: { code: 'invalid_input', field: 'metadata.0.key' } },
    { name: 'SQL as the customer id', run: create({ customerId: `cus_1${SQL}` }), refusal: { code: 'invalid_input', field: 'customerId' } },
    { name: 'a path as the customer id', run: create({ customerId: '../cus_1' }), refusal: { code: 'invalid_input', field: 'customerId' } },
    { name: 'another merchant’s customer', run: () => create({ customerId: ids.otherCustomer, confirmationMode: 'server' })(), refusal: { code: 'resource_missing', message: /no longer exists/ } },
    { name: 'an unknown capture method', run: create({ captureMethod: 'later' }), refusal: { code: 'invalid_input', field: 'captureMethod' } },
    { name: 'a nonce that is not a UUID', run: create({ idempotencyNonce: `1${SQL}` }), refusal: { code: 'invalid_input', field: 'idempotencyNonce', message: /Reload the page/ } },
    { name: 'a payment created by support', run: () => asSupport.createPayment(null, form({ amount: '10', currency: 'usd', captureMethod: 'automatic', confirmationMode: 'browser', idempotencyNonce: nonce() })), refusal: { code: 'forbidden' } },

    { name: 'capture a succeeded payment', run: capture(() => ids.succeeded), refusal: { code: 'conflict' } },
    { name: 'capture a canceled payment', run: capture(() => ids.canceled), refusal: { code: 'conflict' } },
    { name: 'capture more than was authorized', run: capture(() => ids.authorized, '50.01'), refusal: { field: 'amount' } },
    { name: 'capture "abc"', run: capture(() => ids.authorized, 'abc'), refusal: { field: 'amount', message: /Enter the amount as a number/ } },
    { name: 'capture a negative amount', run: capture(() => ids.authorized, '-1'), refusal: { field: 'amount', message: /can't be negative/ } },
    { name: 'capture 0.001 USD', run: capture(() => ids.authorized, '0.001'), refusal: { field: 'amount', message: /at most 2 decimal places/ } },
    { name: 'capture with "pi_" as the id', run: capture(() => 'pi_'), refusal: { code: 'invalid_input', field: 'paymentIntentId' } },
    { name: 'capture with a path as the id', run: capture(() => '../pi_123'), refusal: { code: 'invalid_input', field: 'paymentIntentId' } },
    { name: 'capture an unknown payment', run: capture(() => 'pi_doesnotexist0000000000'), refusal: { code: 'resource_missing', message: /no longer exists/ } },
    { name: 'capture another merchant’s payment', run: capture(() => ids.otherPayment), refusal: { code: 'resource_missing' } },
    { name: 'cancel a succeeded payment', run: () => asAdmin.cancelPayment(null, form({ paymentIntentId: ids.succeeded, reason: 'duplicate', idempotencyNonce: nonce() })), refusal: { code: 'conflict' } },
    { name: 'cancel with a made-up reason', run: () => asAdmin.cancelPayment(null, form({ paymentIntentId: ids.authorized, reason: SCRIPT, idempotencyNonce: nonce() })), refusal: { code: 'invalid_input', field: 'reason' } },
    { name: 'cancel as support', run: () => asSupport.cancelPayment(null, form({ paymentIntentId: ids.authorized, reason: 'duplicate', idempotencyNonce: nonce() })), refusal: { code: 'forbidden' } },
    { name: 'refund a canceled payment', run: refund(() => ids.canceled), refusal: { code: 'conflict' } },
    { name: 'refund an uncaptured payment', run: refund(() => ids.authorized), refusal: { code: 'conflict' } },
    { name: 'refund more than was paid', run: refund(() => ids.succeeded, '600.01'), refusal: { field: 'amount' } },
    { name: 'refund "1e3"', run: refund(() => ids.succeeded, '1e3'), refusal: { field: 'amount', message: /Write the amount out in full/ } },
    { name: 'refund "Infinity"', run: refund(() => ids.succeeded, 'Infinity'), refusal: { field: 'amount' } },
    { name: 'refund with a made-up reason', run: refund(() => ids.succeeded, '1', 'whim'), refusal: { code: 'invalid_input', field: 'reason' } },
    { name: 'refund with SQL as the id', run: refund(() => `pi_1${SQL}`), refusal: { code: 'invalid_input', field: 'paymentIntentId' } },
    { name: 'refund another merchant’s payment', run: refund(() => ids.otherPayment), refusal: { code: 'resource_missing' } },
    { name: 'support refunding 600.00, above their limit', run: () => asSupport.refundPayment(null, form({ paymentIntentId: ids.succeeded, amount: '', idempotencyNonce: nonce() })), refusal: { code: 'over_limit', field: 'amount', message: /ask an admin/ } },
    { name: 'a seller refunding a merchant payment', run: () => asSeller.refundPayment(null, form({ paymentIntentId: ids.succeeded, amount: '1', idempotencyNonce: nonce() })), refusal: { code: 'forbidden' } },
    { name: 'confirm a succeeded payment again', run: () => asAdmin.confirmPayment(null, form({ paymentIntentId: ids.succeeded, paymentMethodId: ids.card, idempotencyNonce: nonce() })), refusal: { code: 'conflict' } },
    { name: 'confirm with a path as the card', run: () => asAdmin.confirmPayment(null, form({ paymentIntentId: ids.authorized, paymentMethodId: 'pm_../x', idempotencyNonce: nonce() })), refusal: { code: 'invalid_input', field: 'paymentMethodId' } },
  ];
  refusesEach(rows, scope);
});

describe('bad input to the customer forms', () => {
  const stripe = sandboxStripe();
  const other = sandboxStripe();
  const asAdmin = actionsFor(admin, stripe, db);
  const asSupport = actionsFor(support, stripe, db);
  const ids = { customer: '', otherCustomer: '' };
  const scope = (): Scope => ({ stripe, actorIds: ACTORS, extraIds: [ids.otherCustomer] });

  beforeAll(async () => {
    ids.customer = (await stripe.customers.create({ email: 'known@example.com', name: 'Known' })).id;
    ids.otherCustomer = (await other.customers.create({ email: 'theirs@example.com' })).id;
  });

  const create = (fields: Record<string, string | string[]>) => () => asAdmin.createCustomer(null, form({ email: 'new@example.com', idempotencyNonce: nonce(), ...fields }));
  const update = (fields: Record<string, string | string[]>, customerId = () => ids.customer) => () => asSupport.updateCustomer(null, form({ email: 'known@example.com', customerId: customerId(), ...fields }));

  refusesEach(
    [
      { name: 'an email without an @', run: create({ email: 'not-an-email' }), refusal: { code: 'invalid_input', field: 'email', message: /valid email/ } },
      { name: 'a script tag as the email', run: create({ email: `${SCRIPT}@example.com` }), refusal: { code: 'invalid_input', field: 'email' } },
      { name: 'SQL after the email', run: create({ email: `a@example.com${SQL}` }), refusal: { code: 'invalid_input', field: 'email' } },
      { name: 'a 600-character email', run: create({ email: `${'a'.repeat(590)}@example.com` }), refusal: { code: 'invalid_input', field: 'email' } },
      { name: 'a blank email', run: create({ email: '   ' }), refusal: { code: 'invalid_input', field: 'email', message: /Enter an email/ } },
      { name: 'a 257-character name', run: create({ name: 'n'.repeat(257) }), refusal: { code: 'invalid_input', field: 'name', message: /at most 256/ } },
      { name: 'a NUL byte in the name', run: create({ name: NUL }), refusal: { code: 'invalid_input', field: 'name', message: /control characters/ } },
      { name: 'a script tag as the phone number', run: create({ phone: '<script>' }), refusal: { code: 'invalid_input', field: 'phone' } },
      { name: 'SQL as the phone number', run: create({ phone: "1' OR '1'='1" }), refusal: { code: 'invalid_input', field: 'phone' } },
      { name: '51 metadata pairs on a new customer', run: create(metadataPairs(51)), refusal: { code: 'invalid_input', field: 'metadata' } },
      { name: 'a NUL byte in a metadata key', run: create({ 'metadataKey[]': ['a\u0000b'], 'metadataValue[]': ['1'] }), refusal: { code: 'invalid_input', field: 'metadata.0.key', message: /control characters/ } },
      { name: 'a missing nonce', run: () => asAdmin.createCustomer(null, form({ email: 'new@example.com' })), refusal: { code: 'invalid_input', field: 'idempotencyNonce' } },
      { name: 'a customer created by support', run: () => asSupport.createCustomer(null, form({ email: 'new@example.com', idempotencyNonce: nonce() })), refusal: { code: 'forbidden' } },
      { name: 'an update of an unknown customer', run: update({}, () => 'cus_doesnotexist000000'), refusal: { code: 'not_found' } },
      { name: 'an update of another merchant’s customer', run: update({}, () => ids.otherCustomer), refusal: { code: 'not_found' } },
      { name: 'a path as the customer id', run: update({}, () => 'cus_../../etc'), refusal: { code: 'invalid_input', field: 'customerId' } },
      { name: 'SQL as the customer id', run: update({}, () => `cus_1${SQL}`), refusal: { code: 'invalid_input', field: 'customerId' } },
      { name: 'an update with a 501-character metadata value', run: update({ 'metadataKey[]': ['plan'], 'metadataValue[]': ['p'.repeat(501)] }), refusal: { code: 'invalid_input', field: 'metadata.0.value' } },
    ],
    scope,
  );
});

describe('bad input to the dispute forms and evidence uploads', () => {
  const stripe = sandboxStripe();
  const other = sandboxStripe();
  const asSupport = actionsFor(support, stripe, db);
  const asSeller = actionsFor(seller, stripe, db);
  const ids = { open: '', submitted: '', lost: '', otherDispute: '' };
  const scope = (): Scope => ({ stripe, actorIds: ACTORS, extraIds: [ids.otherDispute] });

  async function openDispute(account: Stripe): Promise<string> {
    const intent = await account.paymentIntents.create({ amount: 7500, currency: 'usd', payment_method: 'pm_card_createDispute', confirm: true, automatic_payment_methods: { enabled: true, allow_redirects: 'never' } });
    const [dispute] = (await account.disputes.list({ payment_intent: intent.id })).data;
    if (!dispute) throw new Error('the dispute test card opened no dispute');
    return dispute.id;
  }

  beforeAll(async () => {
    const [open, submitted, lost, otherDispute] = await Promise.all([openDispute(stripe), openDispute(stripe), openDispute(stripe), openDispute(other)]);
    await submitDisputeEvidence({ disputeId: submitted, evidence: { product_description: 'Delivered' }, idempotencyNonce: nonce(), actor: admin }, { stripe, db });
    await acceptDisputeLoss({ disputeId: lost, idempotencyNonce: nonce(), actor: admin }, { stripe, db });
    Object.assign(ids, { open, submitted, lost, otherDispute });
  });

  const draft = (fields: Record<string, string>, disputeId = () => ids.open) => () => asSupport.saveDisputeDraft(null, form({ disputeId: disputeId(), draftNonce: nonce(), ...fields }));
  const submit = (fields: Record<string, string>, disputeId = () => ids.open) => () =>
    asSupport.submitDisputeEvidence(null, form({ disputeId: disputeId(), submitNonce: nonce(), confirmSubmit: 'on', product_description: 'Delivered', ...fields }));
  /** The evidence-file route's answer for one upload: its lib function, with the route's mapping of expected errors. */
  const upload = (fileName: string, bytes: Uint8Array, field = 'receipt', disputeId = () => ids.open) => async (): Promise<Outcome> => {
    try {
      return { ok: true, data: await uploadEvidenceFile({ disputeId: disputeId(), field, fileName, bytes, actor: support }, { stripe, db }) };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
      throw error;
    }
  };
  const longFields = ['product_description', 'access_activity_log', 'refund_policy_disclosure', 'refund_refusal_explanation', 'cancellation_policy_disclosure', 'cancellation_rebuttal', 'duplicate_charge_explanation', 'uncategorized_text'];

  refusesEach(
    [
      { name: 'submit evidence twice', run: submit({}, () => ids.submitted), refusal: { code: 'conflict' } },
      { name: 'save a draft on submitted evidence', run: draft({ customer_name: 'Late' }, () => ids.submitted), refusal: { code: 'conflict' } },
      { name: 'accept a dispute already lost', run: () => asSupport.acceptDisputeLoss(null, form({ disputeId: ids.lost, idempotencyNonce: nonce(), confirmAccept: 'on' })), refusal: { code: 'conflict' } },
      { name: 'submit evidence on a lost dispute', run: submit({}, () => ids.lost), refusal: { code: 'conflict' } },
      { name: 'accept the loss without ticking the box', run: () => asSupport.acceptDisputeLoss(null, form({ disputeId: ids.open, idempotencyNonce: nonce() })), refusal: { code: 'invalid_input', field: 'confirmAccept' } },
      { name: 'submit without ticking the box', run: submit({ confirmSubmit: '' }), refusal: { code: 'invalid_input', field: 'confirmSubmit', message: /cannot be changed/ } },
      { name: 'a path as the dispute id', run: draft({}, () => 'dp_../../x'), refusal: { code: 'invalid_input', field: 'disputeId' } },
      { name: 'SQL as the dispute id', run: draft({}, () => `dp_1${SQL}`), refusal: { code: 'invalid_input', field: 'disputeId' } },
      { name: '"dp_" alone as the dispute id', run: draft({}, () => 'dp_'), refusal: { code: 'invalid_input', field: 'disputeId' } },
      { name: 'an unknown dispute', run: draft({ customer_name: 'A' }, () => 'dp_doesnotexist000000'), refusal: { code: 'resource_missing' } },
      { name: 'another merchant’s dispute', run: draft({ customer_name: 'A' }, () => ids.otherDispute), refusal: { code: 'resource_missing' } },
      { name: 'more than 150,000 characters of evidence in all', run: draft(Object.fromEntries(longFields.map((field) => [field, 'e'.repeat(20_000)]))), refusal: { code: 'invalid_input', field: 'form', message: /150,000/ } },
      { name: 'a 5,001-character short field', run: draft({ customer_name: 'n'.repeat(5001) }), refusal: { code: 'invalid_input', field: 'customer_name', message: /5,000/ } },
      { name: 'a NUL byte in evidence text', run: draft({ customer_name: NUL }), refusal: { code: 'invalid_input', field: 'customer_name', message: /control characters/ } },
      { name: 'a path instead of a file id', run: draft({ receipt: 'file_../../etc/passwd' }), refusal: { code: 'invalid_input', field: 'receipt', message: /Upload the file again/ } },
      { name: 'a seller saving evidence', run: () => asSeller.saveDisputeDraft(null, form({ disputeId: ids.open, draftNonce: nonce() })), refusal: { code: 'forbidden' } },
      { name: 'an executable named receipt.pdf', run: upload('receipt.pdf', new Uint8Array(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00'))), refusal: { code: 'invalid_input', field: 'receipt', message: /whatever its name says/ } },
      { name: 'HTML named photo.png', run: upload('photo.png', new Uint8Array(Buffer.from(`<html>${SCRIPT}</html>`))), refusal: { code: 'invalid_input', field: 'receipt', message: /whatever its name says/ } },
      { name: 'an empty file', run: upload('empty.pdf', new Uint8Array()), refusal: { code: 'invalid_input', field: 'receipt', message: /empty/ } },
      { name: 'a PDF one byte over 5 MB', run: upload('big.pdf', new Uint8Array(Buffer.concat([PDF, Buffer.alloc(EVIDENCE_FILE_MAX_BYTES + 1 - PDF.byteLength)]))), refusal: { code: 'invalid_input', field: 'receipt', message: /at most 5 MB/ } },
      { name: 'a file for a text field', run: upload('receipt.pdf', new Uint8Array(PDF), 'product_description'), refusal: { code: 'invalid_input', message: /takes a file/ } },
      { name: 'a file for a lost dispute', run: upload('receipt.pdf', new Uint8Array(PDF), 'receipt', () => ids.lost), refusal: { code: 'conflict' } },
    ],
    scope,
  );
});

describe('bad input to quotes, invoices and credit notes', () => {
  const stripe = sandboxStripe();
  const asAdmin = actionsFor(admin, stripe, db);
  const asSupport = actionsFor(support, stripe, db);
  const other = sandboxStripe();
  const ids = { customer: '', price: '', draftQuote: '', canceledQuote: '', acceptedQuote: '', invoice: '', line: '', voidedNote: '' };
  const theirs = { quote: '', invoice: '', creditNote: '' };
  const scope = (): Scope => ({ stripe, actorIds: ACTORS, extraIds: Object.values(theirs) });

  beforeAll(async () => {
    const customer = await stripe.customers.create({ email: `client-${randomUUID()}@example.com` });
    const price = await stripe.prices.create({ currency: 'usd', unit_amount: 2500, product_data: { name: 'Licence' } });
    const quote = () => stripe.quotes.create({ customer: customer.id, line_items: [{ price: price.id, quantity: 4 }] });
    const [draft, toCancel, toAccept] = await Promise.all([quote(), quote(), quote()]);
    await stripe.quotes.cancel(toCancel.id);
    const accepted = await stripe.quotes.accept((await stripe.quotes.finalizeQuote(toAccept.id)).id);
    const invoice = await stripe.invoices.finalizeInvoice(accepted.invoice as string);
    const note = await stripe.creditNotes.create({ invoice: invoice.id, amount: 500 });
    await stripe.creditNotes.voidCreditNote(note.id);
    const theirCustomer = await other.customers.create({ email: 'their-client@example.com' });
    const theirPrice = await other.prices.create({ currency: 'usd', unit_amount: 1000, product_data: { name: 'Theirs' } });
    const theirQuote = await other.quotes.accept((await other.quotes.finalizeQuote((await other.quotes.create({ customer: theirCustomer.id, line_items: [{ price: theirPrice.id }] })).id)).id);
    const theirInvoice = await other.invoices.finalizeInvoice(theirQuote.invoice as string);
    const theirNote = await other.creditNotes.create({ invoice: theirInvoice.id, amount: 100 });
    Object.assign(theirs, { quote: theirQuote.id, invoice: theirInvoice.id, creditNote: theirNote.id });
    Object.assign(ids, { customer: customer.id, price: price.id, draftQuote: draft.id, canceledQuote: toCancel.id, acceptedQuote: accepted.id, invoice: invoice.id, line: invoice.lines.data[0]!.id, voidedNote: note.id });
  });

  const quoteForm = (fields: Record<string, string | string[]>) => () =>
    asAdmin.createQuote(null, form({ customerId: ids.customer, currency: 'usd', 'linePrice[]': [ids.price], 'lineProduct[]': [''], 'lineUnitAmount[]': [''], 'lineInterval[]': [''], 'lineQuantity[]': ['1'], idempotencyNonce: nonce(), ...fields }));
  const inlineLine = (line: { productName?: string; unitAmount?: string; quantity?: string }) => quoteForm({ 'linePrice[]': [''], 'lineProduct[]': [line.productName ?? 'Setup'], 'lineUnitAmount[]': [line.unitAmount ?? '10'], 'lineInterval[]': ['one_time'], 'lineQuantity[]': [line.quantity ?? '1'] });
  const transition = (verb: 'acceptQuote' | 'finalizeQuote' | 'cancelQuote', quoteId: () => string) => () => asAdmin[verb](null, form({ quoteId: quoteId(), idempotencyNonce: nonce() }));
  const credit = (fields: Record<string, string | string[]>) => () => asAdmin.createCreditNote(null, form({ invoiceId: ids.invoice, mode: 'amount', postPayment: 'credit', idempotencyNonce: nonce(), ...fields }));

  refusesEach(
    [
      { name: 'accept a draft quote', run: transition('acceptQuote', () => ids.draftQuote), refusal: { code: 'conflict' } },
      { name: 'finalize a canceled quote', run: transition('finalizeQuote', () => ids.canceledQuote), refusal: { code: 'conflict' } },
      { name: 'cancel a canceled quote', run: transition('cancelQuote', () => ids.canceledQuote), refusal: { code: 'conflict' } },
      { name: 'accept an accepted quote', run: transition('acceptQuote', () => ids.acceptedQuote), refusal: { code: 'conflict' } },
      { name: 'a path as the quote id', run: transition('acceptQuote', () => 'qt_../x'), refusal: { code: 'invalid_input', field: 'quoteId' } },
      { name: 'an unknown quote', run: transition('finalizeQuote', () => 'qt_doesnotexist000000'), refusal: { code: /not_found|resource_missing/ } },
      { name: 'cancel another merchant’s quote', run: transition('cancelQuote', () => theirs.quote), refusal: { code: /not_found|resource_missing/ } },
      { name: 'pay another merchant’s invoice', run: () => asAdmin.payInvoice(null, form({ invoiceId: theirs.invoice, method: 'out_of_band', idempotencyNonce: nonce() })), refusal: { code: /not_found|resource_missing/ } },
      { name: 'credit another merchant’s invoice', run: () => asAdmin.createCreditNote(null, form({ invoiceId: theirs.invoice, mode: 'amount', amount: '1', postPayment: 'credit', idempotencyNonce: nonce() })), refusal: { code: /not_found|resource_missing/ } },
      { name: 'void another merchant’s credit note', run: () => asAdmin.voidCreditNote(null, form({ creditNoteId: theirs.creditNote, idempotencyNonce: nonce() })), refusal: { code: /not_found|resource_missing/ } },
      { name: 'a quote by support', run: () => asSupport.acceptQuote(null, form({ quoteId: ids.draftQuote, idempotencyNonce: nonce() })), refusal: { code: 'forbidden' } },
      { name: 'SQL as the quote’s customer', run: quoteForm({ customerId: `cus_1${SQL}` }), refusal: { code: 'invalid_input', field: 'customerId' } },
      { name: 'a quote valid for "0x10" days', run: quoteForm({ expiresInDays: '0x10' }), refusal: { code: 'invalid_input', field: 'expiresInDays' } },
      { name: 'a quote valid for "1e3" days', run: quoteForm({ expiresInDays: '1e3' }), refusal: { code: 'invalid_input', field: 'expiresInDays' } },
      { name: 'a quote valid for -1 days', run: quoteForm({ expiresInDays: '-1' }), refusal: { code: 'invalid_input', field: 'expiresInDays' } },
      { name: 'a NUL byte in the quote description', run: quoteForm({ description: NUL }), refusal: { code: 'invalid_input', field: 'description', message: /control characters/ } },
      { name: 'a line priced "1,5"', run: inlineLine({ unitAmount: '1,5' }), refusal: { code: 'invalid_input', field: 'lines.0.unitAmount', message: /commas only/ } },
      { name: 'a line of 1.5 units', run: inlineLine({ quantity: '1.5' }), refusal: { code: 'invalid_input', field: 'lines.0.quantity' } },
      { name: 'a line of -3 units', run: inlineLine({ quantity: '-3' }), refusal: { code: 'invalid_input', field: 'lines.0.quantity' } },
      { name: 'a NUL byte in a line’s product name', run: inlineLine({ productName: NUL }), refusal: { code: 'invalid_input', field: 'lines.0.productName', message: /control characters/ } },
      { name: 'SQL as a line’s price', run: quoteForm({ 'linePrice[]': [`price_1${SQL}`] }), refusal: { code: 'invalid_input', field: 'lines.0.priceId' } },
      { name: 'a quote without lines', run: quoteForm({ 'linePrice[]': [''] }), refusal: { code: 'invalid_input', field: 'lines' } },
      { name: 'finalize an open invoice again', run: () => asAdmin.finalizeInvoice(null, form({ invoiceId: ids.invoice, idempotencyNonce: nonce() })), refusal: { code: 'conflict' } },
      { name: 'pay with a saved card but no card', run: () => asAdmin.payInvoice(null, form({ invoiceId: ids.invoice, method: 'saved_card', idempotencyNonce: nonce() })), refusal: { code: 'invalid_input', field: 'paymentMethodId' } },
      { name: 'pay by carrier pigeon', run: () => asAdmin.payInvoice(null, form({ invoiceId: ids.invoice, method: 'pigeon', idempotencyNonce: nonce() })), refusal: { code: 'invalid_input', field: 'method' } },
      { name: 'a path as the invoice id', run: () => asAdmin.finalizeInvoice(null, form({ invoiceId: 'in_../x', idempotencyNonce: nonce() })), refusal: { code: 'invalid_input', field: 'invoiceId' } },
      { name: 'credit more than the invoice', run: credit({ amount: '1000.00' }), refusal: { field: 'amount' } },
      { name: 'credit a negative amount', run: credit({ amount: '-1' }), refusal: { field: 'amount' } },
      { name: 'credit "1e3"', run: credit({ amount: '1e3' }), refusal: { field: 'amount' } },
      { name: 'a script tag as the credit reason', run: credit({ amount: '1', reason: SCRIPT }), refusal: { code: 'invalid_input', field: 'reason' } },
      { name: 'a NUL byte in the credit note’s memo', run: credit({ amount: '1', memo: NUL }), refusal: { code: 'invalid_input', field: 'memo', message: /control characters/ } },
      { name: '101 credited lines', run: () => credit({ mode: 'lines', 'lineId[]': Array.from({ length: 101 }, () => ids.line), 'lineQuantity[]': Array.from({ length: 101 }, () => '1') })(), refusal: { code: 'invalid_input', field: 'lines', message: /At most 100/ } },
      { name: 'SQL as a credited line', run: credit({ mode: 'lines', 'lineId[]': [`il_1${SQL}`], 'lineQuantity[]': ['1'] }), refusal: { code: 'invalid_input' } },
      { name: 'credit 1.5 of a line', run: () => credit({ mode: 'lines', 'lineId[]': [ids.line], 'lineQuantity[]': ['1.5'] })(), refusal: { code: 'invalid_input', field: 'lines.0.quantity' } },
      { name: 'void a voided credit note', run: () => asAdmin.voidCreditNote(null, form({ creditNoteId: ids.voidedNote, idempotencyNonce: nonce() })), refusal: { code: 'conflict' } },
      { name: '"cn_" alone as the credit note', run: () => asAdmin.voidCreditNote(null, form({ creditNoteId: 'cn_', idempotencyNonce: nonce() })), refusal: { code: 'invalid_input', field: 'creditNoteId' } },
      { name: 'a credit note by support', run: () => asSupport.createCreditNote(null, form({ invoiceId: ids.invoice, mode: 'amount', amount: '1', idempotencyNonce: nonce() })), refusal: { code: 'forbidden' } },
    ],
    scope,
  );
});

describe('bad input to the Connect forms', () => {
  const stripe = sandboxStripe();
  const asAdmin = actionsFor(admin, stripe, db);
  const asSupport = actionsFor(support, stripe, db);
  const asSeller = actionsFor(seller, stripe, db);
  const ids = { account: '' };
  const invitedEmail = `seller-${randomUUID()}@example.com`;
  const scope = (): Scope => ({ stripe, actorIds: ACTORS, userEmails: [invitedEmail], connectedAccounts: [ids.account] });

  beforeAll(async () => {
    ids.account = (await createExpressAccount(stripe)).id;
  });

  const charge = (fields: Record<string, string>) => () =>
    asAdmin.createDestinationCharge(null, form({ accountId: ids.account, amount: '100', currency: 'usd', applicationFee: '10', orderReference: 'O-1', idempotencyNonce: nonce(), ...fields }));
  const invite = (fields: Record<string, string>) => () => asAdmin.inviteSeller(null, form({ email: invitedEmail, name: 'Seller', password: 'a-long-enough-password', ...fields }));

  refusesEach(
    [
      { name: 'a payout without a balance', run: () => asAdmin.createPayout(null, form({ accountId: ids.account, idempotencyNonce: nonce() })), refusal: { code: 'conflict', message: /Nothing is available/ } },
      { name: 'a payout to an account not connected to the platform', run: () => asAdmin.createPayout(null, form({ accountId: 'acct_doesnotexist0000', idempotencyNonce: nonce() })), refusal: { code: 'not_found', message: /not connected to this platform/ } },
      { name: 'a path as the account', run: () => asAdmin.createPayout(null, form({ accountId: 'acct_../../x', idempotencyNonce: nonce() })), refusal: { code: 'invalid_input', field: 'accountId' } },
      { name: 'a seller paying out', run: () => asSeller.createPayout(null, form({ accountId: ids.account, idempotencyNonce: nonce() })), refusal: { code: 'forbidden' } },
      { name: 'support paying out', run: () => asSupport.createPayout(null, form({ accountId: ids.account, idempotencyNonce: nonce() })), refusal: { code: 'forbidden' } },
      { name: 'a seller charging for another seller’s account', run: () => asSeller.createDestinationCharge(null, form({ accountId: ids.account, amount: '100', currency: 'usd', applicationFee: '10', orderReference: 'O-1', idempotencyNonce: nonce() })), refusal: { code: 'forbidden' } },
      { name: 'a charge for an account not connected to the platform', run: charge({ accountId: 'acct_doesnotexist0000' }), refusal: { message: /not known/ } },
      { name: 'a platform fee equal to the amount', run: charge({ applicationFee: '100' }), refusal: { code: 'invalid_input', field: 'applicationFee', message: /less than the amount/ } },
      { name: 'a negative platform fee', run: charge({ applicationFee: '-1' }), refusal: { code: 'invalid_input', field: 'applicationFee' } },
      { name: 'a charge of "NaN"', run: charge({ amount: 'NaN' }), refusal: { code: 'invalid_input', field: 'amount' } },
      { name: 'a charge in an unknown currency', run: charge({ currency: 'abc' }), refusal: { code: 'invalid_input', field: 'currency' } },
      { name: 'a script tag as the order reference', run: charge({ orderReference: SCRIPT }), refusal: { code: 'invalid_input', field: 'orderReference' } },
      { name: 'SQL as the order reference', run: charge({ orderReference: SQL }), refusal: { code: 'invalid_input', field: 'orderReference' } },
      { name: 'a NUL byte in the charge description', run: charge({ description: NUL }), refusal: { code: 'invalid_input', field: 'description' } },
      { name: 'a transfer from SQL', run: () => asAdmin.createSourceTransfer(null, form({ chargeId: `ch_1${SQL}`, accountId: ids.account, amount: '1', idempotencyNonce: nonce() })), refusal: { code: 'invalid_input', field: 'chargeId' } },
      { name: 'a transfer from an unknown charge', run: () => asAdmin.createSourceTransfer(null, form({ chargeId: 'ch_doesnotexist00000', accountId: ids.account, amount: '1', idempotencyNonce: nonce() })), refusal: { message: /no charge with that id/ } },
      { name: 'a refund of an unknown order charge', run: () => asAdmin.refundOrderCharge(null, form({ chargeId: 'ch_doesnotexist00000', amount: '1', idempotencyNonce: nonce() })), refusal: { code: 'resource_missing', message: /no longer exists/ } },
      { name: 'a seller invited with a script as the email', run: invite({ email: `${SCRIPT}@example.com` }), refusal: { code: 'invalid_input', field: 'email' } },
      { name: 'a seller invited with an 11-character password', run: invite({ password: 'short-pass!' }), refusal: { code: 'invalid_input', field: 'password', message: /12 characters/ } },
      { name: 'a seller invited with a NUL in the name', run: invite({ name: NUL }), refusal: { code: 'invalid_input', field: 'name' } },
      { name: 'a seller inviting a seller', run: () => asSeller.inviteSeller(null, form({ email: invitedEmail, name: 'Seller', password: 'a-long-enough-password' })), refusal: { code: 'forbidden' } },
    ],
    scope,
  );
});

describe('bad input to settings, saved views and the Events page', () => {
  const stripe = sandboxStripe();
  const asAdmin = actionsFor(admin, stripe, db);
  const asSupport = actionsFor(support, stripe, db);
  const scope = (): Scope => ({ stripe, actorIds: ACTORS });
  const limit = (supportRefundLimit: string, actions = asAdmin) => () => actions.updateSupportRefundLimit(null, form({ supportRefundLimit }));
  const view = (name: string, query = 'status=succeeded') => () => asAdmin.savePaymentView(null, form({ name, query }));
  /** The CSV export route's answer: 400 with the filter's field errors, else the whole CSV (the query really runs). */
  const exportFilter = (search: string) => async (): Promise<Outcome> => {
    const { filter, fieldErrors } = parsePaymentListSearch(new URLSearchParams(search));
    if (Object.keys(fieldErrors).length > 0) return { ok: false, code: 'invalid_input', message: 'Check the filter.', fieldErrors };
    let csv = '';
    for await (const chunk of exportPaymentsCsv({ filter }, db)) csv += chunk;
    return { ok: true, data: csv };
  };

  refusesEach(
    [
      { name: 'a refund limit of "1e3"', run: limit('1e3'), refusal: { code: 'invalid_input', field: 'supportRefundLimit', message: /whole number/ } },
      { name: 'a refund limit of -1', run: limit('-1'), refusal: { code: 'invalid_input', field: 'supportRefundLimit' } },
      { name: 'a refund limit of "0x10"', run: limit('0x10'), refusal: { code: 'invalid_input', field: 'supportRefundLimit' } },
      { name: 'a blank refund limit', run: limit(' '), refusal: { code: 'invalid_input', field: 'supportRefundLimit' } },
      { name: 'a refund limit above the maximum', run: limit('100000001'), refusal: { code: 'invalid_input', field: 'supportRefundLimit', message: /At most/ } },
      { name: 'a refund limit with SQL', run: limit(`1${SQL}`), refusal: { code: 'invalid_input', field: 'supportRefundLimit' } },
      { name: 'support raising their own limit', run: limit('99999', asSupport), refusal: { code: 'forbidden' } },
      { name: 'a saved view without a name', run: view('  '), refusal: { code: 'invalid_input', field: 'name' } },
      { name: 'a 61-character view name', run: view('v'.repeat(61)), refusal: { code: 'invalid_input', field: 'name' } },
      { name: 'a NUL byte in a view name', run: view(NUL), refusal: { code: 'invalid_input', field: 'name', message: /control characters/ } },
      { name: 'a view whose filter is broken', run: view('Broken', 'min=abc'), refusal: { code: 'invalid_input', field: 'query' } },
      { name: 'deleting an unknown view', run: () => asAdmin.deletePaymentView(null, form({ viewId: `${SQL}` })), refusal: { code: 'not_found' } },
      { name: 'deleting a view by a 65-character id', run: () => asAdmin.deletePaymentView(null, form({ viewId: 'v'.repeat(65) })), refusal: { code: 'invalid_input', field: 'viewId' } },
      { name: 'replaying a path as an event', run: () => asAdmin.replayEvent(null, form({ eventId: 'evt_../x' })), refusal: { code: 'invalid_input', field: 'eventId' } },
      { name: 'replaying an unknown event', run: () => asAdmin.replayEvent(null, form({ eventId: `evt_${randomUUID().replace(/-/g, '')}` })), refusal: { code: /not_found/ } },
      { name: 'support replaying an event', run: () => asSupport.replayEvent(null, form({ eventId: 'evt_1' })), refusal: { code: 'forbidden' } },
      { name: 'refreshing SQL as an object', run: () => asAdmin.refreshObject(null, form({ objectId: SQL })), refusal: { code: 'invalid_input', field: 'objectId' } },
      { name: 'refreshing a path as an object', run: () => asAdmin.refreshObject(null, form({ objectId: '../pi_1' })), refusal: { code: 'invalid_input', field: 'objectId' } },
      { name: 'reconciling from the 45th of the 13th month', run: () => asAdmin.reconcileRange(null, form({ from: '2026-13-45', to: '2026-11-27' })), refusal: { code: 'invalid_input', field: 'from', message: /date like/ } },
      { name: 'reconciling up to the 30th of February', run: () => asAdmin.reconcileRange(null, form({ from: '2026-02-01', to: '2026-02-30' })), refusal: { code: 'invalid_input', field: 'to', message: /date like/ } },
      { name: 'reconciling a range that ends before it starts', run: () => asAdmin.reconcileRange(null, form({ from: '2026-11-27', to: '2026-11-01' })), refusal: { code: 'invalid_input', field: 'to', message: /not be after the end/ } },
      { name: 'an export filtered by amount "abc"', run: exportFilter('min=abc'), refusal: { code: 'invalid_input', field: 'min' } },
      { name: 'an export in an unknown currency', run: exportFilter('currency=xyz'), refusal: { code: 'invalid_input', field: 'currency' } },
      { name: 'an export from the 45th of the 13th month', run: exportFilter('from=2026-13-45'), refusal: { code: 'invalid_input', field: 'from' } },
      { name: 'an export searching for a NUL byte', run: exportFilter('q=a%00b'), refusal: { code: 'invalid_input', field: 'q', message: /control characters/ } },
      { name: 'an export by a customer with a NUL byte', run: exportFilter('customer=%00'), refusal: { code: 'invalid_input', field: 'customer' } },
      { name: 'an export of amounts from 10 down to 5', run: exportFilter('currency=usd&min=10&max=5'), refusal: { code: 'invalid_input', field: 'max' } },
      { name: 'an export with a script as the status', run: exportFilter(`status=${encodeURIComponent(SCRIPT)}`), refusal: { code: 'invalid_input', field: 'status' } },
    ],
    scope,
  );
});

describe('bad deliveries to the webhook endpoint', () => {
  const stripe = sandboxStripe();
  const secret = `whsec_${randomUUID().replace(/-/g, '')}`;
  const forgedEventId = `evt_forged${randomUUID().replace(/-/g, '')}`;
  let event: Stripe.Event;
  let payload = '';
  const scope = (): Scope => ({ stripe, actorIds: ACTORS, extraIds: [event.id, forgedEventId, 'cus_forged0000'] });
  const now = () => Math.floor(Date.now() / 1000);
  const signed = (body: string, options: { secret?: string; timestamp?: number } = {}) =>
    Stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? secret, timestamp: options.timestamp ?? now() });

  beforeAll(async () => {
    await stripe.customers.create({ email: 'webhook@example.com' });
    [event] = (await stripe.events.list({ type: 'customer.created', limit: 1 })).data as [Stripe.Event];
    payload = JSON.stringify(event, null, 2);
  });

  const forged = () => JSON.stringify({ ...event, id: forgedEventId, data: { object: { ...(event.data.object as object), id: 'cus_forged0000', email: 'attacker@example.com' } } }, null, 2);
  /** The endpoint's answer as the route gives it: a status and a JSON body naming why it refused. */
  const deliver = (body: () => string, header: (body: string) => string | null) => async (): Promise<Outcome> => {
    const rawBody = body();
    const result = await ingestWebhook({ rawBody: Buffer.from(rawBody), signatureHeader: header(rawBody), secrets: [secret] }, db, stripe);
    return result.status === 200 ? { ok: true, data: result.body } : { ok: false, code: String(result.status), message: `Refused: ${('error' in result.body ? result.body.error : '').replace(/_/g, ' ')}.` };
  };

  refusesEach(
    [
      { name: 'no Stripe-Signature header', run: deliver(() => payload, () => null), refusal: { code: '400', message: /missing signature/ } },
      { name: 'an empty Stripe-Signature header', run: deliver(() => payload, () => ''), refusal: { code: '400' } },
      { name: 'a header that is not Stripe’s format', run: deliver(() => payload, () => `t=abc,v1=${SQL}`), refusal: { code: '400' } },
      { name: 'a signature made with another secret', run: deliver(() => payload, (body) => signed(body, { secret: 'whsec_someoneelse' })), refusal: { code: '400', message: /no matching signature/ } },
      { name: 'a forged event signed with a guessed secret', run: deliver(forged, (body) => signed(body, { secret: 'whsec_test' })), refusal: { code: '400' } },
      { name: 'a forged event under a real event’s signature', run: deliver(forged, () => signed(payload)), refusal: { code: '400' } },
      { name: 'a body altered after signing', run: deliver(() => payload.replace('webhook@example.com', 'attacker@example.com'), () => signed(payload)), refusal: { code: '400' } },
      { name: 'a stale timestamp (10 minutes old)', run: deliver(() => payload, (body) => signed(body, { timestamp: now() - 600 })), refusal: { code: '400', message: /outside tolerance/ } },
      { name: 'a captured delivery replayed an hour later', run: deliver(() => payload, (body) => signed(body, { timestamp: now() - 3600 })), refusal: { code: '400', message: /outside tolerance/ } },
      { name: 'a signed body that is not JSON', run: deliver(() => `${SCRIPT}`, (body) => signed(body)), refusal: { code: '400' } },
      { name: 'a signed JSON body that is not an event', run: deliver(() => JSON.stringify({ id: `1${SQL}`, object: 'event' }), (body) => signed(body)), refusal: { code: '400' } },
      { name: 'a signed empty body', run: deliver(() => '', (body) => signed(body)), refusal: { code: '400' } },
      { name: 'a body over 1 MiB', run: deliver(() => JSON.stringify({ ...event, padding: 'x'.repeat(1024 * 1024) }), (body) => signed(body)), refusal: { code: '413' } },
    ],
    scope,
  );

  it('answers 413 to an oversized body at the route, before reading any secret', async () => {
    await expectUnchanged(scope(), async () => {
      const body = 'x'.repeat(2 * 1024 * 1024);
      const response = await postWebhook(new Request('http://localhost/api/webhooks/stripe', { method: 'POST', body, headers: { 'stripe-signature': signed(body) } }));
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ received: false, error: 'body_too_large' });
    });
  });

  it('stores a genuine delivery, so the rows above were refused for what they are; replaying it changes nothing', async () => {
    const deliverGenuine = () => ingestWebhook({ rawBody: Buffer.from(payload), signatureHeader: signed(payload), secrets: [secret] }, db, stripe);
    expect((await deliverGenuine()).status).toBe(200);
    await expectUnchanged(scope(), async () => {
      expect(await deliverGenuine()).toMatchObject({ status: 200, body: { received: true, result: 'duplicate' } });
    });
  });
});

describe('bad input to the sign-in form', () => {
  const stripe = sandboxStripe();
  const scope = (): Scope => ({ stripe, actorIds: ACTORS, userEmails: ['admin@paydesk.test'] });
  // Refused before any account is looked up, so the action runs here as it is (no session needed).
  const signIn = (fields: Record<string, string>) => () => signInAction(null, form({ email: 'admin@paydesk.test', password: 'paydesk-demo-pass', ...fields }));

  refusesEach(
    [
      { name: 'a script tag as the email', run: signIn({ email: SCRIPT }), refusal: { code: 'invalid_input', field: 'email', message: /valid email/ } },
      { name: 'SQL after the email', run: signIn({ email: "admin@paydesk.test' OR '1'='1" }), refusal: { code: 'invalid_input', field: 'email' } },
      { name: 'a blank password', run: signIn({ password: '' }), refusal: { code: 'invalid_input', field: 'password', message: /Enter your password/ } },
      { name: 'a 10,000-character password', run: signIn({ password: 'p'.repeat(10_000) }), refusal: { code: 'invalid_input', field: 'password', message: /at most 256 characters/ } },
    ],
    scope,
  );
});
