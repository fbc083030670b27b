// The balance (`GET /v1/balance`, also as a connected account) summed from balance transactions, and the
// balance transactions Connect money movements write (transfers, payments received, fees, payouts).
import type Stripe from 'stripe';
import type { ResourceModule } from '../core/resource-module';
import { invalidRequest } from '../http/stripe-error';
import type { Account } from '../store/account';
import { newId, nowSeconds } from '../store/ids';

export interface ConnectTransaction {
  type: Stripe.BalanceTransaction.Type;
  reportingCategory: string;
  amount: number;
  currency: string;
  source: string;
  description: string | null;
  /** When the funds become available; now unless they follow a charge's pending funds. */
  availableOn?: number;
  fee?: { amount: number; type: Stripe.BalanceTransaction.FeeDetail['type']; description: string; application: string | null };
}

export function recordConnectTransaction(account: Account, transaction: ConnectTransaction): Stripe.BalanceTransaction {
  const created = nowSeconds();
  const availableOn = transaction.availableOn ?? created;
  const fee = transaction.fee?.amount ?? 0;
  return account.put('balance_transaction', {
    id: newId('txn'),
    object: 'balance_transaction',
    amount: transaction.amount,
    available_on: availableOn,
    balance_type: 'payments',
    created,
    currency: transaction.currency,
    description: transaction.description,
    exchange_rate: null,
    fee,
    fee_details: transaction.fee
      ? [{ amount: fee, application: transaction.fee.application, currency: transaction.currency, description: transaction.fee.description, type: transaction.fee.type }]
      : [],
    net: transaction.amount - fee,
    reporting_category: transaction.reportingCategory,
    source: transaction.source,
    status: availableOn <= created ? 'available' : 'pending',
    type: transaction.type,
  });
}

/** The balance transaction of a charge, for money that follows it (its `available_on`). */
export function chargeTransaction(account: Account, charge: Stripe.Charge): Stripe.BalanceTransaction | undefined {
  const id = typeof charge.balance_transaction === 'string' ? charge.balance_transaction : charge.balance_transaction?.id;
  return id ? account.get('balance_transaction', id) : undefined;
}

interface Totals {
  available: Map<string, number>;
  pending: Map<string, number>;
}

function totals(account: Account): Totals {
  const now = nowSeconds();
  const available = new Map<string, number>();
  const pending = new Map<string, number>();
  for (const transaction of account.all('balance_transaction')) {
    const bucket = transaction.available_on <= now ? available : pending;
    bucket.set(transaction.currency, (bucket.get(transaction.currency) ?? 0) + transaction.net);
    // Every currency the account has seen shows in both lists, as Stripe lists them.
    if (!available.has(transaction.currency)) available.set(transaction.currency, 0);
    if (!pending.has(transaction.currency)) pending.set(transaction.currency, 0);
  }
  return { available, pending };
}

/** What the account can move now in `currency` (transfers without a source charge, payouts). */
export const availableAmount = (account: Account, currency: string): number => totals(account).available.get(currency) ?? 0;

/** Stripe's refusal when the available balance cannot cover a transfer (test mode names the card that can). */
export const transferBalanceInsufficient = () =>
  invalidRequest(
    'Insufficient funds in Stripe account. In test mode, you can add funds to your available balance (bypassing your pending balance) by creating a charge with 4000 0000 0000 0077 as the card number. You can use the the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance).',
    { code: 'balance_insufficient' },
  );

export const payoutBalanceInsufficient = () =>
  invalidRequest(
    'You have insufficient funds in your Stripe account for this transfer. Your card balance is too low.  You can use the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance).',
    { code: 'balance_insufficient' },
  );

function entries(amounts: Map<string, number>): Stripe.Balance.Available[] {
  const list = [...amounts.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (list.length === 0) list.push(['usd', 0]);
  return list.map(([currency, amount]) => ({ amount, currency, source_types: { card: amount } }));
}

export function balanceOf(account: Account): Stripe.Balance {
  const { available, pending } = totals(account);
  return {
    object: 'balance',
    available: entries(available),
    connect_reserved: entries(available).map(({ currency }) => ({ amount: 0, currency })),
    livemode: false,
    pending: entries(pending),
  };
}

export const balance: ResourceModule = {
  routes: [{ operation: 'GET /v1/balance', handle: (context) => balanceOf(context.account) }],
};
