// Balance transactions: one per captured charge (with the sandbox's fee) and one per refund; retrieve
// and list (type, source, currency filters). Pending funds become available once `available_on` passes.
import type Stripe from 'stripe';
import { paginate } from '../core/list';
import { processingFee } from '../core/money';
import { readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { resourceMissing } from '../http/stripe-error';
import type { Account } from '../store/account';
import { newId, nowSeconds } from '../store/ids';

const DAY = 86_400;
/** Stripe's standard US payout delay: funds become available two days after the charge, at midnight UTC. */
const PENDING_DAYS = 2;

export function recordChargeTransaction(account: Account, charge: Stripe.Charge, amount: number, bypassPending: boolean): Stripe.BalanceTransaction {
  const created = nowSeconds();
  const fee = processingFee(amount);
  return account.put('balance_transaction', {
    id: newId('txn'),
    object: 'balance_transaction',
    amount,
    available_on: bypassPending ? created : Math.floor(created / DAY) * DAY + PENDING_DAYS * DAY,
    balance_type: 'payments',
    created,
    currency: charge.currency,
    description: charge.description,
    exchange_rate: null,
    fee,
    fee_details: [{ amount: fee, application: null, currency: charge.currency, description: 'Stripe processing fees', type: 'stripe_fee' }],
    net: amount - fee,
    reporting_category: 'charge',
    source: charge.id,
    status: bypassPending ? 'available' : 'pending',
    type: 'charge',
  });
}

/** A refund takes money out at once; Stripe keeps its fee on refunds (no fee returned, none charged). */
export function recordRefundTransaction(account: Account, refund: Stripe.Refund): Stripe.BalanceTransaction {
  const created = nowSeconds();
  return account.put('balance_transaction', {
    id: newId('txn'),
    object: 'balance_transaction',
    amount: -refund.amount,
    available_on: created,
    balance_type: 'payments',
    created,
    currency: refund.currency,
    description: 'REFUND FOR CHARGE',
    exchange_rate: null,
    fee: 0,
    fee_details: [],
    net: -refund.amount,
    reporting_category: 'refund',
    source: refund.id,
    status: 'available',
    type: 'refund',
  });
}

/** Moves funds whose `available_on` has passed from pending to available (on read; no clock runs). */
function settle(account: Account, transaction: Stripe.BalanceTransaction): Stripe.BalanceTransaction {
  if (transaction.status !== 'pending' || transaction.available_on > nowSeconds()) return transaction;
  return account.put('balance_transaction', { ...transaction, status: 'available' });
}

const sourceId = (transaction: Stripe.BalanceTransaction) =>
  typeof transaction.source === 'string' ? transaction.source : (transaction.source?.id ?? null);

export const balanceTransactions: ResourceModule = {
  expandable: { balance_transaction: { source: 'charge' } },
  routes: [
    {
      operation: 'GET /v1/balance_transactions/{id}',
      handle(context) {
        const id = context.pathParams.id!;
        const found = context.account.get('balance_transaction', id);
        if (!found) throw resourceMissing('balance transaction', id);
        return settle(context.account, found);
      },
    },
    {
      operation: 'GET /v1/balance_transactions',
      handle(context) {
        const { params, account } = context;
        const type = readString(params, 'type');
        const source = readString(params, 'source');
        const currency = readString(params, 'currency')?.toLowerCase();
        const all = account.all('balance_transaction').map((transaction) => settle(account, transaction));
        return paginate(context, all, {
          noun: 'balance transaction',
          filter: (transaction) =>
            (type === undefined || transaction.type === type) &&
            (source === undefined || sourceId(transaction) === source) &&
            (currency === undefined || transaction.currency === currency),
        });
      },
    },
  ],
};
