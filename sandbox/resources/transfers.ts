// Transfers from the platform's balance to a connected account's (with or without a source charge),
// their reversals, and the balance transactions on both sides; `transfer.created` and friends.
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent, type EventSource } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { readCurrency } from '../core/money';
import { has, readInteger, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import type { RequestContext } from '../http/route';
import { invalidRequest, parameterMissing } from '../http/stripe-error';
import type { Account } from '../store/account';
import { newId, nowSeconds } from '../store/ids';
import { availableAmount, chargeTransaction, recordConnectTransaction, transferBalanceInsufficient, type ConnectTransaction } from './balance';
import { platformApplicationId } from './accounts';
import { connectedStoreAccount } from './connect-store';

/** Stripe embeds at most this many reversals in a transfer's `reversals` list. */
const EMBEDDED_REVERSALS = 10;

export interface TransferOptions {
  destination: string;
  amount: number;
  currency: string;
  sourceTransaction: Stripe.Charge | null;
  transferGroup: string | null;
  description: string | null;
  metadata: Stripe.Metadata;
  /** Taken from the connected account's payment (a destination charge's application fee). */
  applicationFee?: ConnectTransaction['fee'];
}

/** Stripe's word when the destination may not receive transfers yet. */
const lacksTransfers = () =>
  invalidRequest('Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments', {
    code: 'insufficient_capabilities_for_transfer',
    param: 'destination',
  });

/** The destination a transfer may go to: one of the platform's accounts whose transfers capability is active. */
export function transferDestination(platform: Account, id: string, param: string): Stripe.Account {
  const account = platform.get('account', id);
  if (!account) throw invalidRequest(`No such destination: '${id}'`, { code: 'resource_missing', param }, 404);
  if (account.capabilities?.transfers !== 'active') throw lacksTransfers();
  return account;
}

/** Moves money from the platform to a connected account: both balance transactions, the transfer, its event. */
export function createTransfer(source: EventSource, options: TransferOptions): Stripe.Transfer {
  const { account: platform } = source;
  const id = newId('tr');
  const destinationPaymentId = newId('py');
  // Funds that follow a charge become available when the charge's do.
  const availableOn = options.sourceTransaction ? chargeTransaction(platform, options.sourceTransaction)?.available_on : undefined;
  const outgoing = recordConnectTransaction(platform, {
    type: 'transfer',
    reportingCategory: 'transfer',
    amount: -options.amount,
    currency: options.currency,
    source: id,
    description: options.description,
    availableOn,
  });
  const connected = connectedStoreAccount(platform, options.destination);
  const incoming = recordConnectTransaction(connected, {
    type: 'payment',
    reportingCategory: 'charge',
    amount: options.amount,
    currency: options.currency,
    source: destinationPaymentId,
    description: null,
    availableOn,
    fee: options.applicationFee,
  });
  const transfer = platform.put('transfer', {
    id,
    object: 'transfer',
    amount: options.amount,
    amount_reversed: 0,
    balance_transaction: outgoing.id,
    created: nowSeconds(),
    currency: options.currency,
    description: options.description,
    destination: options.destination,
    destination_payment: destinationPaymentId,
    livemode: false,
    metadata: options.metadata,
    reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: options.sourceTransaction?.id ?? null,
    source_type: 'card',
    transfer_group: options.transferGroup,
  });
  connected.put('charge', destinationPayment(platform, transfer, destinationPaymentId, incoming, options.applicationFee?.amount ?? null));
  recordEvent(source, 'transfer.created', transfer);
  return transfer;
}

/** The payment a transfer lands as on the connected account (`py_…`), retrievable there with `Stripe-Account`. */
function destinationPayment(platform: Account, transfer: Stripe.Transfer, id: string, incoming: Stripe.BalanceTransaction, feeAmount: number | null): Stripe.Charge {
  return {
    id,
    object: 'charge',
    amount: transfer.amount,
    amount_captured: transfer.amount,
    amount_refunded: 0,
    application: platformApplicationId(platform),
    application_fee: null,
    application_fee_amount: feeAmount,
    balance_transaction: incoming.id,
    billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: null,
    captured: true,
    created: transfer.created,
    currency: transfer.currency,
    customer: null,
    description: null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: null,
    paid: true,
    payment_intent: null,
    payment_method: null,
    payment_method_details: { type: 'stripe_account', stripe_account: {} },
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: null,
    source: null,
    source_transfer: transfer.id,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: transfer.transfer_group,
  };
}

function create(context: RequestContext): Stripe.Transfer {
  const { params, account: platform } = context;
  const amount = readInteger(params, 'amount');
  if (amount === undefined) throw parameterMissing('amount');
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  const currency = readCurrency(readString(params, 'currency')!);
  const destination = transferDestination(platform, readString(params, 'destination')!, 'destination');
  const sourceTransactionId = readString(params, 'source_transaction');
  let sourceTransaction: Stripe.Charge | null = null;
  if (sourceTransactionId) {
    sourceTransaction = findOr404(platform, 'charge', sourceTransactionId, 'source_transaction');
    if (sourceTransaction.status !== 'succeeded' || !sourceTransaction.captured) {
      throw invalidRequest(`The source_transaction ${sourceTransactionId} has not succeeded, so no funds can be transferred from it.`, { param: 'source_transaction' });
    }
    if (sourceTransaction.currency !== currency) {
      throw invalidRequest(`The currency of source_transaction's balance transaction (${sourceTransaction.currency}) must be the same as the transfer currency (${currency})`, { param: 'currency' });
    }
    const alreadyTransferred = platform
      .all('transfer')
      .filter((transfer) => transfer.source_transaction === sourceTransactionId)
      .reduce((sum, transfer) => sum + transfer.amount - transfer.amount_reversed, 0);
    const transferable = sourceTransaction.amount_captured - sourceTransaction.amount_refunded - alreadyTransferred;
    if (amount > transferable) {
      throw invalidRequest(`Insufficient funds in source_transaction ${sourceTransactionId}: ${transferable} ${currency} remain to be transferred from it.`, {
        code: 'balance_insufficient',
        param: 'amount',
      });
    }
  } else if (amount > availableAmount(platform, currency)) {
    throw transferBalanceInsufficient();
  }
  return createTransfer(context, {
    destination: destination.id,
    amount,
    currency,
    sourceTransaction,
    transferGroup: readString(params, 'transfer_group') ?? null,
    description: readString(params, 'description') ?? null,
    metadata: applyMetadata({}, params),
  });
}

const findTransfer = (account: Account, id: string): Stripe.Transfer => findOr404(account, 'transfer', id, 'transfer');

function update(context: RequestContext): Stripe.Transfer {
  const { params, account } = context;
  const before = findTransfer(account, context.pathParams.transfer!);
  const after: Stripe.Transfer = {
    ...before,
    description: has(params, 'description') ? (readString(params, 'description') ?? null) : before.description,
    metadata: applyMetadata(before.metadata, params),
  };
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length === 0) return before;
  account.put('transfer', after);
  recordEvent(context, 'transfer.updated', after, previous);
  return after;
}

/** The reversal as the connected account sees it: a refund (`pyr_…`) of the transfer's `py_…` payment. */
function refundDestinationPayment(connected: Account, transfer: Stripe.Transfer, amount: number, reversalId: string): Stripe.Refund {
  const id = newId('pyr');
  const paymentId = typeof transfer.destination_payment === 'string' ? transfer.destination_payment : (transfer.destination_payment?.id ?? null);
  const transaction = recordConnectTransaction(connected, {
    type: 'payment_refund',
    reportingCategory: 'refund',
    amount: -amount,
    currency: transfer.currency,
    source: id,
    description: null,
  });
  const refund = connected.put('refund', {
    id,
    object: 'refund',
    amount,
    balance_transaction: transaction.id,
    charge: paymentId,
    created: nowSeconds(),
    currency: transfer.currency,
    customer: null,
    customer_account: null,
    metadata: {},
    payment_intent: null,
    payment_method: null,
    reason: null,
    receipt_number: null,
    source_transfer_reversal: reversalId,
    status: 'succeeded',
    transfer_reversal: null,
  });
  const payment = paymentId ? connected.get('charge', paymentId) : undefined;
  if (payment) {
    const amountRefunded = payment.amount_refunded + amount;
    const refunds = payment.refunds ?? { object: 'list' as const, data: [], has_more: false, url: `/v1/charges/${payment.id}/refunds` };
    connected.put('charge', { ...payment, amount_refunded: amountRefunded, refunded: amountRefunded === payment.amount, refunds: { ...refunds, data: [refund, ...refunds.data] } });
  }
  return refund;
}

/** Takes (part of) a transfer back from the connected account; `transfer.reversed` once fully reversed. */
export function reverseTransfer(source: EventSource, before: Stripe.Transfer, amount: number, metadata: Stripe.Metadata, sourceRefund: string | null): Stripe.TransferReversal {
  const { account: platform } = source;
  const remaining = before.amount - before.amount_reversed;
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  if (amount > remaining) {
    throw invalidRequest(`Transfer ${before.id} has only ${remaining} ${before.currency} left to reverse; you tried to reverse ${amount}.`, { param: 'amount' });
  }
  const id = newId('trr');
  const incoming = recordConnectTransaction(platform, { type: 'transfer_refund', reportingCategory: 'transfer_reversal', amount, currency: before.currency, source: id, description: null });
  const destination = typeof before.destination === 'string' ? before.destination : before.destination?.id;
  const paymentRefund = destination ? refundDestinationPayment(connectedStoreAccount(platform, destination), before, amount, id) : null;
  const reversal = platform.put('transfer_reversal', {
    id,
    object: 'transfer_reversal',
    amount,
    balance_transaction: incoming.id,
    created: nowSeconds(),
    currency: before.currency,
    destination_payment_refund: paymentRefund?.id ?? null,
    metadata,
    source_refund: sourceRefund,
    transfer: before.id,
  });
  const embedded = [reversal, ...before.reversals.data];
  const after = platform.put('transfer', {
    ...before,
    amount_reversed: before.amount_reversed + amount,
    reversed: before.amount_reversed + amount === before.amount,
    reversals: { ...before.reversals, data: embedded.slice(0, EMBEDDED_REVERSALS), has_more: embedded.length > EMBEDDED_REVERSALS },
  });
  recordEvent(source, 'transfer.reversed', after, previousAttributes(before, after));
  return reversal;
}

export const transfers: ResourceModule = {
  expandable: {
    transfer: { balance_transaction: 'balance_transaction', destination: 'account', source_transaction: 'charge' },
    transfer_reversal: { balance_transaction: 'balance_transaction', transfer: 'transfer' },
  },
  routes: [
    { operation: 'POST /v1/transfers', handle: create },
    { operation: 'GET /v1/transfers/{transfer}', handle: (c) => findTransfer(c.account, c.pathParams.transfer!) },
    { operation: 'POST /v1/transfers/{transfer}', handle: update },
    {
      operation: 'GET /v1/transfers',
      handle(context) {
        const destination = readString(context.params, 'destination');
        const transferGroup = readString(context.params, 'transfer_group');
        return paginate(context, context.account.all('transfer'), {
          noun: 'transfer',
          filter: (transfer) =>
            (destination === undefined || transfer.destination === destination) && (transferGroup === undefined || transfer.transfer_group === transferGroup),
        });
      },
    },
    {
      operation: 'POST /v1/transfers/{id}/reversals',
      handle(context) {
        const before = findTransfer(context.account, context.pathParams.id!);
        const amount = readInteger(context.params, 'amount') ?? before.amount - before.amount_reversed;
        return reverseTransfer(context, before, amount, applyMetadata({}, context.params), null);
      },
    },
    {
      operation: 'GET /v1/transfers/{id}/reversals',
      handle(context) {
        const transfer = findTransfer(context.account, context.pathParams.id!);
        return paginate(context, context.account.all('transfer_reversal'), { noun: 'transfer_reversal', filter: (reversal) => reversal.transfer === transfer.id });
      },
    },
  ],
};
