// Application fees: what the platform takes from a connected account's payment (destination charges,
// or direct charges made with `Stripe-Account`); list, retrieve, and refunds when the charge is refunded.
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent, type EventSource } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { formatAmount } from '../core/money';
import { readInteger, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import type { RequestContext } from '../http/route';
import { invalidRequest } from '../http/stripe-error';
import type { Account } from '../store/account';
import { newId, nowSeconds } from '../store/ids';
import { platformApplicationId } from './accounts';
import { recordConnectTransaction } from './balance';
import { connectedStoreAccount } from './connect-store';

export interface FeeOptions {
  accountId: string;
  amount: number;
  currency: string;
  /** The charge on the connected account the fee was taken from (`py_…` for destination charges). */
  chargeId: string;
  /** The platform's charge, for destination charges. */
  originatingCharge: string | null;
  availableOn?: number;
}

export function recordApplicationFee(source: EventSource, options: FeeOptions): Stripe.ApplicationFee {
  const { account: platform } = source;
  const id = newId('fee');
  const transaction = recordConnectTransaction(platform, {
    type: 'application_fee',
    reportingCategory: 'platform_earning',
    amount: options.amount,
    currency: options.currency,
    source: id,
    description: null,
    availableOn: options.availableOn,
  });
  const fee = platform.put('application_fee', {
    id,
    object: 'application_fee',
    account: options.accountId,
    amount: options.amount,
    amount_refunded: 0,
    application: platformApplicationId(platform),
    balance_transaction: transaction.id,
    charge: options.chargeId,
    created: nowSeconds(),
    currency: options.currency,
    fee_source: { charge: options.chargeId, type: 'charge' },
    livemode: false,
    originating_transaction: options.originatingCharge,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/application_fees/${id}/refunds` },
  });
  recordEvent(source, 'application_fee.created', fee);
  return fee;
}

/** Gives (part of) a fee back to the connected account, as a refund with `refund_application_fee` does. */
export function refundApplicationFee(source: EventSource, before: Stripe.ApplicationFee, amount: number, metadata: Stripe.Metadata = {}): Stripe.ApplicationFee {
  const { account: platform } = source;
  const refundable = Math.min(amount, before.amount - before.amount_refunded);
  if (refundable <= 0) return before;
  const id = newId('fr');
  const transaction = recordConnectTransaction(platform, {
    type: 'application_fee_refund',
    reportingCategory: 'platform_earning_refund',
    amount: -refundable,
    currency: before.currency,
    source: id,
    description: null,
  });
  const accountId = typeof before.account === 'string' ? before.account : before.account.id;
  recordConnectTransaction(connectedStoreAccount(platform, accountId), {
    type: 'application_fee_refund',
    reportingCategory: 'platform_earning_refund',
    amount: refundable,
    currency: before.currency,
    source: id,
    description: null,
  });
  const feeRefund: Stripe.FeeRefund = {
    id,
    object: 'fee_refund',
    amount: refundable,
    balance_transaction: transaction.id,
    created: nowSeconds(),
    currency: before.currency,
    fee: before.id,
    metadata,
  };
  const amountRefunded = before.amount_refunded + refundable;
  const after = platform.put('application_fee', {
    ...before,
    amount_refunded: amountRefunded,
    refunded: amountRefunded === before.amount,
    refunds: { ...before.refunds, data: [feeRefund, ...before.refunds.data] },
  });
  recordEvent(source, 'application_fee.refunded', after, previousAttributes(before, after));
  return after;
}

export const findApplicationFee = (account: Account, id: string): Stripe.ApplicationFee => findOr404(account, 'application_fee', id);

/** `POST /v1/application_fees/{id}/refunds`: the platform gives (part of) its fee back on its own. */
function createFeeRefund(context: RequestContext): Stripe.FeeRefund {
  const before = findApplicationFee(context.account, context.pathParams.id!);
  const remaining = before.amount - before.amount_refunded;
  if (remaining === 0) throw invalidRequest(`Application fee ${before.id} has already been refunded.`, { code: 'charge_already_refunded' });
  const amount = readInteger(context.params, 'amount') ?? remaining;
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  if (amount > remaining) {
    throw invalidRequest(`Refund amount (${formatAmount(amount, before.currency)}) is greater than unrefunded amount on fee (${formatAmount(remaining, before.currency)})`, { param: 'amount' });
  }
  const after = refundApplicationFee(context, before, amount, applyMetadata({}, context.params));
  return after.refunds.data[0]!;
}

export const applicationFees: ResourceModule = {
  expandable: { application_fee: { account: 'account', balance_transaction: 'balance_transaction', originating_transaction: 'charge' } },
  routes: [
    { operation: 'GET /v1/application_fees/{id}', handle: (c) => findApplicationFee(c.account, c.pathParams.id!) },
    { operation: 'POST /v1/application_fees/{id}/refunds', handle: createFeeRefund },
    {
      operation: 'GET /v1/application_fees/{id}/refunds',
      handle(context) {
        const fee = findApplicationFee(context.account, context.pathParams.id!);
        return paginate(context, fee.refunds.data, { noun: 'fee_refund' });
      },
    },
    {
      operation: 'GET /v1/application_fees',
      handle(context) {
        const charge = readString(context.params, 'charge');
        return paginate(context, context.account.all('application_fee'), {
          noun: 'application_fee',
          filter: (fee) => charge === undefined || fee.charge === charge || fee.originating_transaction === charge,
        });
      },
    },
  ],
};
