// Refunds of captured card charges, by `payment_intent` or `charge`, full or partial; retrieve, update
// (metadata), list (charge, payment_intent filters); each moves money out through a balance transaction.
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { formatAmount } from '../core/money';
import { readBoolean, readInteger, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { invalidRequest, resourceMissing } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import { newId, nowSeconds } from '../store/ids';
import { recordRefundTransaction } from './balance-transactions';
import { findCharge, refundableAmount } from './charges';
import { settleConnectRefund } from './connect-charges';

/** Stripe embeds at most this many refunds in a charge's `refunds` list. */
const EMBEDDED_REFUNDS = 10;

const noSuccessfulCharge = (intentId: string, param: string) =>
  invalidRequest(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, { param });

/** The captured charge a refund request names, or Stripe's refusal. */
function chargeToRefund(context: RequestContext): Stripe.Charge {
  const { params, account } = context;
  const intentId = readString(params, 'payment_intent');
  const chargeId = readString(params, 'charge');
  if (!intentId && !chargeId) {
    throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.');
  }
  if (intentId) {
    const intent = findOr404(account, 'payment_intent', intentId, 'payment_intent');
    const latest = typeof intent.latest_charge === 'string' ? account.get('charge', intent.latest_charge) : undefined;
    // An uncaptured intent has to be canceled instead (Stripe's refunds guide).
    if (!latest || latest.status !== 'succeeded' || !latest.captured) throw noSuccessfulCharge(intent.id, 'payment_intent');
    if (chargeId && chargeId !== latest.id) throw invalidRequest(`Charge ${chargeId} does not belong to PaymentIntent ${intent.id}.`, { param: 'charge' });
    return latest;
  }
  const charge = findCharge(account, chargeId!, 'charge');
  if (charge.status !== 'succeeded' || !charge.captured) {
    if (typeof charge.payment_intent === 'string') throw noSuccessfulCharge(charge.payment_intent, 'charge');
    throw invalidRequest(`Charge ${charge.id} cannot be refunded because it has not succeeded.`, { param: 'charge' });
  }
  return charge;
}

function create(context: RequestContext): Stripe.Refund {
  const { params, account } = context;
  const chargeBefore = chargeToRefund(context);
  if (chargeBefore.refunded) {
    throw invalidRequest(`Charge ${chargeBefore.id} has already been refunded.`, { code: 'charge_already_refunded', param: 'charge' });
  }
  const remaining = refundableAmount(chargeBefore);
  const amount = readInteger(params, 'amount') ?? remaining;
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  if (amount > remaining) {
    const { currency } = chargeBefore;
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, currency)})`,
      { param: 'amount' },
    );
  }
  const id = newId('re');
  const draft: Stripe.Refund = {
    id,
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: chargeBefore.id,
    created: nowSeconds(),
    currency: chargeBefore.currency,
    customer: chargeBefore.customer,
    customer_account: null,
    destination_details: { card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' }, type: 'card' },
    metadata: applyMetadata({}, params),
    payment_intent: chargeBefore.payment_intent,
    payment_method: chargeBefore.payment_method,
    reason: (readString(params, 'reason') as Stripe.Refund.Reason | undefined) ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  const transaction = recordRefundTransaction(account, draft);
  const refund = account.put('refund', { ...draft, balance_transaction: transaction.id });
  recordEvent(context, 'refund.created', refund);
  const refunds = chargeBefore.refunds ?? { object: 'list' as const, data: [], has_more: false, url: `/v1/charges/${chargeBefore.id}/refunds` };
  const amountRefunded = chargeBefore.amount_refunded + amount;
  const embedded = [refund, ...refunds.data];
  const chargeAfter = account.put('charge', {
    ...chargeBefore,
    amount_refunded: amountRefunded,
    refunded: amountRefunded === chargeBefore.amount,
    refunds: { ...refunds, data: embedded.slice(0, EMBEDDED_REFUNDS), has_more: embedded.length > EMBEDDED_REFUNDS },
  });
  recordEvent(context, 'charge.refunded', chargeAfter, previousAttributes(chargeBefore, chargeAfter));
  return settleConnectRefund(context, chargeAfter, refund, {
    reverseTransfer: readBoolean(params, 'reverse_transfer') ?? false,
    refundApplicationFee: readBoolean(params, 'refund_application_fee') ?? false,
  });
}

function update(context: RequestContext): Stripe.Refund {
  const { account } = context;
  const before = findRefund(context);
  const after = account.put('refund', { ...before, metadata: applyMetadata(before.metadata ?? {}, context.params) });
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length > 0) {
    // The copy embedded in the charge follows the refund.
    const charge = typeof after.charge === 'string' ? account.get('charge', after.charge) : undefined;
    if (charge?.refunds) {
      account.put('charge', { ...charge, refunds: { ...charge.refunds, data: charge.refunds.data.map((r) => (r.id === after.id ? after : r)) } });
    }
    recordEvent(context, 'refund.updated', after, previous);
    recordEvent(context, 'charge.refund.updated', after, previous);
  }
  return after;
}

function findRefund(context: RequestContext): Stripe.Refund {
  const id = context.pathParams.refund!;
  const found = context.account.get('refund', id);
  if (!found) throw resourceMissing('refund', id);
  return found;
}

export const refunds: ResourceModule = {
  expandable: { refund: { balance_transaction: 'balance_transaction', charge: 'charge', payment_intent: 'payment_intent' } },
  routes: [
    { operation: 'POST /v1/refunds', handle: create },
    { operation: 'GET /v1/refunds/{refund}', handle: findRefund },
    { operation: 'POST /v1/refunds/{refund}', handle: update },
    {
      operation: 'GET /v1/refunds',
      handle(context) {
        const charge = readString(context.params, 'charge');
        const paymentIntent = readString(context.params, 'payment_intent');
        return paginate(context, context.account.all('refund'), {
          noun: 'refund',
          filter: (refund) => (charge === undefined || refund.charge === charge) && (paymentIntent === undefined || refund.payment_intent === paymentIntent),
        });
      },
    },
  ],
};
