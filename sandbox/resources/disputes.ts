// Disputes of card charges: opened by the dispute test cards (or the `/_sandbox/disputes` trigger), with
// evidence staged or submitted, closed (accepted as lost) or settled by test-mode evidence or the outcome
// control; each step records Stripe's `charge.dispute.*` events and the money moves as balance transactions.
import type Stripe from 'stripe';
import { previousAttributes, recordEvent, type EventSource } from '../core/events';
import { createdFilter, paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { readBoolean, readObject, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { accountKey, type ControlTable } from '../http/sandbox-controls';
import { invalidRequest, resourceMissing } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import type { Account } from '../store/account';
import { newId, nowSeconds } from '../store/ids';
import { EVIDENCE_FILE_FIELDS, EVIDENCE_TEXT_FIELDS } from './dispute-params';
import { findCharge } from './charges';
import { findFile } from './files';

type Dispute = Stripe.Dispute;
export type DisputeKind = 'fraudulent' | 'inquiry';

const DAY = 86_400;
/** Stripe's dispute fee on a US account (USD 15.00), withdrawn with the disputed amount. */
const DISPUTE_FEE = 1500;
/** The combined character limit of all evidence fields (Stripe's API reference). */
const EVIDENCE_TOTAL_LIMIT = 150_000;
/** Stripe refuses evidence whose files add up to more than about 4.5 MB (its dispute guide). */
const EVIDENCE_FILES_LIMIT_BYTES = 4.5 * 1024 * 1024;
/** Days to respond; Stripe's due date falls at the end of a day (23:59:59 UTC). */
const RESPONSE_DAYS = 7;

const TEXT_FIELDS = Object.keys(EVIDENCE_TEXT_FIELDS) as (keyof typeof EVIDENCE_TEXT_FIELDS)[];
const FILE_FIELDS = Object.keys(EVIDENCE_FILE_FIELDS) as (keyof typeof EVIDENCE_FILE_FIELDS)[];
const EVIDENCE_FIELDS = [...TEXT_FIELDS, ...FILE_FIELDS];

const CLOSED: ReadonlySet<string> = new Set(['won', 'lost', 'warning_closed', 'prevented']);
const SUBMITTED: ReadonlySet<string> = new Set(['under_review', 'warning_under_review', 'appeal_under_review']);
const isInquiry = (dispute: Dispute) => dispute.status.startsWith('warning_');

function emptyEvidence(): Stripe.Dispute.Evidence {
  const evidence: Record<string, null> = {};
  for (const field of EVIDENCE_FIELDS) evidence[field] = null;
  return { ...(evidence as unknown as Omit<Stripe.Dispute.Evidence, 'enhanced_evidence'>), enhanced_evidence: {} };
}

function disputeTransaction(account: Account, dispute: Dispute, direction: 'withdrawal' | 'reversal'): Stripe.BalanceTransaction {
  const created = nowSeconds();
  const withdrawal = direction === 'withdrawal';
  // Since June 2025 Stripe keeps the dispute fee even when the dispute is won: only the amount comes back.
  const fee = withdrawal ? DISPUTE_FEE : 0;
  const amount = withdrawal ? -dispute.amount : dispute.amount;
  const chargeId = typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id;
  return account.put('balance_transaction', {
    id: newId('txn'),
    object: 'balance_transaction',
    amount,
    available_on: created,
    balance_type: 'payments',
    created,
    currency: dispute.currency,
    description: withdrawal ? `Chargeback withdrawal for ${chargeId}` : `Chargeback reversal for ${chargeId}`,
    exchange_rate: null,
    fee,
    fee_details: withdrawal ? [{ amount: fee, application: null, currency: dispute.currency, description: 'Dispute fee', type: 'stripe_fee' }] : [],
    net: amount - fee,
    reporting_category: withdrawal ? 'dispute' : 'dispute_reversal',
    source: dispute.id,
    status: 'available',
    type: 'adjustment',
  });
}

/**
 * Opens a dispute on a succeeded charge, as the card network's notice does a moment after the payment:
 * `fraudulent` is a chargeback (funds and the fee withdrawn at once), `inquiry` a pre-dispute inquiry
 * (no money moves). Any other `reason` opens a chargeback with that reason (the test trigger).
 */
export function openDispute(source: EventSource, chargeBefore: Stripe.Charge, kind: DisputeKind, reason: string = kind === 'inquiry' ? 'general' : 'fraudulent'): Dispute {
  const { account } = source;
  const inquiry = kind === 'inquiry';
  const created = nowSeconds();
  const card = chargeBefore.payment_method_details?.card;
  const brand = card?.brand ?? 'visa';
  const reasonCode = brand === 'visa' && reason === 'fraudulent' ? '10.4' : null;
  // Visa Compelling Evidence 3.0 applies to Visa fraud disputes only.
  const compellingEvidence = brand === 'visa' && reason === 'fraudulent' && !inquiry;
  const draft: Dispute = {
    id: newId('dp'),
    object: 'dispute',
    amount: chargeBefore.amount - chargeBefore.amount_refunded,
    balance_transactions: [],
    charge: chargeBefore.id,
    created,
    currency: chargeBefore.currency,
    enhanced_eligibility_types: compellingEvidence ? ['visa_compelling_evidence_3'] : [],
    evidence: emptyEvidence(),
    evidence_details: {
      due_by: Math.floor(created / DAY) * DAY + (RESPONSE_DAYS + 1) * DAY - 1,
      enhanced_eligibility: compellingEvidence
        ? { visa_compelling_evidence_3: { required_actions: ['missing_prior_undisputed_transactions'], status: 'requires_action' } }
        : {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: 'not_submitted',
    },
    intended_submission_method: null,
    // A chargeback has already taken the money back; an inquiry can still be settled by a refund.
    is_charge_refundable: inquiry,
    livemode: false,
    metadata: {},
    network_reason_code: reasonCode,
    payment_intent: chargeBefore.payment_intent,
    payment_method_details: {
      card: { brand, case_type: inquiry ? 'inquiry' : 'chargeback', network: brand, network_reason_code: reasonCode },
      type: 'card',
    },
    reason,
    status: inquiry ? 'warning_needs_response' : 'needs_response',
  };
  const dispute = account.put('dispute', inquiry ? draft : { ...draft, balance_transactions: [disputeTransaction(account, draft, 'withdrawal')] });
  account.put('charge', { ...chargeBefore, disputed: true });
  recordEvent(source, 'charge.dispute.created', dispute);
  if (!inquiry) recordEvent(source, 'charge.dispute.funds_withdrawn', dispute);
  return dispute;
}

function findDispute(context: { account: Account }, id: string): Dispute {
  const found = context.account.get('dispute', id);
  if (!found) throw resourceMissing('dispute', id);
  return found;
}

/** Closes the dispute as won or lost (inquiries close as `warning_closed`), with Stripe's events and funds. */
function settle(source: EventSource, before: Dispute, outcome: 'won' | 'lost', previous: Dispute = before): Dispute {
  const { account } = source;
  const inquiry = isInquiry(before);
  const reinstated = outcome === 'won' && !inquiry ? [disputeTransaction(account, before, 'reversal')] : [];
  const after = account.put('dispute', {
    ...before,
    status: inquiry ? 'warning_closed' : outcome,
    balance_transactions: [...before.balance_transactions, ...reinstated],
  });
  if (reinstated.length > 0) recordEvent(source, 'charge.dispute.funds_reinstated', after);
  recordEvent(source, 'charge.dispute.closed', after, previousAttributes(previous, after));
  return after;
}

const alreadyClosed = (dispute: Dispute) => invalidRequest(`This dispute (${dispute.id}) is already closed and cannot be changed.`);

/** File evidence must name this account's `dispute_evidence` uploads, and together stay under Stripe's size limit. */
function checkEvidenceFiles(account: Account, evidence: Record<string, unknown>): void {
  let totalBytes = 0;
  for (const field of FILE_FIELDS) {
    const id = evidence[field];
    if (typeof id !== 'string' || id === '') continue;
    const file = findFile(account, id, `evidence[${field}]`);
    if (file.purpose !== 'dispute_evidence') {
      throw invalidRequest(`The file ${id} has purpose \`${file.purpose}\`; dispute evidence needs files uploaded with purpose \`dispute_evidence\`.`, {
        param: `evidence[${field}]`,
      });
    }
    totalBytes += file.size;
  }
  if (totalBytes > EVIDENCE_FILES_LIMIT_BYTES) {
    throw invalidRequest(
      "The files you've attached to this dispute as evidence will exceed the limit for a dispute's total size. Try using smaller files as evidence. Hint: if you've attached images, you might want to try providing them in lower resolutions.",
      { param: 'evidence' },
    );
  }
}

function readEvidence(account: Account, before: Dispute, params: RequestContext['params']): Stripe.Dispute.Evidence {
  const given = readObject(params, 'evidence');
  if (!given) return before.evidence;
  const evidence: Record<string, unknown> = { ...before.evidence };
  for (const field of EVIDENCE_FIELDS) {
    const value = readString(given, field);
    if (value !== undefined) evidence[field] = value;
  }
  const total = TEXT_FIELDS.reduce((sum, field) => sum + ((evidence[field] as string | null)?.length ?? 0), 0);
  if (total > EVIDENCE_TOTAL_LIMIT) {
    throw invalidRequest(`The combined character count of all evidence fields is limited to 150,000; this evidence has ${total}.`, { param: 'evidence' });
  }
  checkEvidenceFiles(account, evidence);
  return evidence as unknown as Stripe.Dispute.Evidence;
}

const hasEvidence = (evidence: Stripe.Dispute.Evidence) =>
  EVIDENCE_FIELDS.some((field) => evidence[field] !== null && evidence[field] !== undefined);

function update(context: RequestContext): Dispute {
  const { account, params } = context;
  const before = findDispute(context, context.pathParams.dispute!);
  const submit = readBoolean(params, 'submit') ?? true;
  const touchesEvidence = readObject(params, 'evidence') !== undefined || submit;
  if (touchesEvidence && CLOSED.has(before.status)) throw alreadyClosed(before);
  if (touchesEvidence && SUBMITTED.has(before.status)) {
    throw invalidRequest(`This dispute (${before.id}) has already been submitted, and its evidence can no longer be updated.`, { param: 'evidence' });
  }
  const evidence = readEvidence(account, before, params);
  const method = readString(params, 'intended_submission_method') as Stripe.Dispute.IntendedSubmissionMethod | undefined;
  let after: Dispute = {
    ...before,
    evidence,
    evidence_details: { ...before.evidence_details, has_evidence: hasEvidence(evidence) },
    intended_submission_method: method ?? before.intended_submission_method,
    metadata: applyMetadata(before.metadata, params),
  };
  if (submit && !CLOSED.has(before.status) && !SUBMITTED.has(before.status)) {
    after = {
      ...after,
      status: isInquiry(before) ? 'warning_under_review' : 'under_review',
      evidence_details: {
        ...after.evidence_details,
        submission_count: before.evidence_details.submission_count + 1,
        submission_method: 'manual',
        past_due: before.evidence_details.due_by !== null && nowSeconds() > before.evidence_details.due_by,
      },
    };
  }
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length === 0) return before;
  account.put('dispute', after);
  recordEvent(context, 'charge.dispute.updated', after, previous);
  if (SUBMITTED.has(after.status)) {
    // Stripe's test mode decides a submitted dispute by these magic texts in `uncategorized_text`.
    const text = after.evidence.uncategorized_text?.trim();
    if (text === 'winning_evidence') settle(context, after, 'won');
    if (text === 'losing_evidence') settle(context, after, 'lost');
  }
  return after;
}

function close(context: RequestContext): Dispute {
  const before = findDispute(context, context.pathParams.dispute!);
  if (CLOSED.has(before.status)) throw alreadyClosed(before);
  return settle(context, before, 'lost');
}

export const disputes: ResourceModule = {
  expandable: { dispute: { charge: 'charge', payment_intent: 'payment_intent' } },
  routes: [
    { operation: 'GET /v1/disputes/{dispute}', handle: (context) => findDispute(context, context.pathParams.dispute!) },
    { operation: 'POST /v1/disputes/{dispute}', handle: update },
    { operation: 'POST /v1/disputes/{dispute}/close', handle: close },
    {
      operation: 'GET /v1/disputes',
      handle(context) {
        const charge = readString(context.params, 'charge');
        const paymentIntent = readString(context.params, 'payment_intent');
        const created = createdFilter(context.params);
        return paginate(context, context.account.all('dispute'), {
          noun: 'dispute',
          filter: (dispute) =>
            created(dispute.created) &&
            (charge === undefined || dispute.charge === charge) &&
            (paymentIntent === undefined || dispute.payment_intent === paymentIntent),
        });
      },
    },
  ],
};

const controlText = (body: Record<string, unknown>, name: string): string | undefined => {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** Test-only: open a dispute on any succeeded charge, or decide a dispute's outcome. */
export const DISPUTE_CONTROLS: ControlTable = {
  'POST /_sandbox/disputes': (control) => {
    const account = control.store.account(accountKey(control));
    const chargeId = controlText(control.body, 'charge');
    if (!chargeId) throw invalidRequest('Missing required param: charge.', { code: 'parameter_missing', param: 'charge' });
    const charge = findCharge(account, chargeId, 'charge');
    if (charge.status !== 'succeeded' || !charge.captured) throw invalidRequest(`Charge ${charge.id} has not been captured and cannot be disputed.`, { param: 'charge' });
    if (charge.disputed) throw invalidRequest(`Charge ${charge.id} has already been disputed.`, { param: 'charge' });
    const reason = controlText(control.body, 'reason') ?? 'fraudulent';
    const kind: DisputeKind = controlText(control.body, 'kind') === 'inquiry' ? 'inquiry' : 'fraudulent';
    return { status: 200, body: openDispute({ account, requestId: null, idempotencyKey: null }, charge, kind, reason) };
  },
  'POST /_sandbox/disputes/{dispute}/outcome': (control) => {
    const account = control.store.account(accountKey(control));
    const outcome = controlText(control.body, 'outcome');
    if (outcome !== 'won' && outcome !== 'lost') throw invalidRequest('outcome must be won or lost', { param: 'outcome' });
    const before = findDispute({ account }, control.pathParams.dispute!);
    if (CLOSED.has(before.status)) throw alreadyClosed(before);
    return { status: 200, body: settle({ account, requestId: null, idempotencyKey: null }, before, outcome) };
  },
};
