// A customer's invoice balance (negative = credit Stripe applies to the next invoice): each change is a
// customer balance transaction; list and retrieve them under the customer.
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent, type EventSource } from '../core/events';
import { paginate } from '../core/list';
import type { ResourceModule } from '../core/resource-module';
import { resourceMissing } from '../http/stripe-error';
import { newId, nowSeconds } from '../store/ids';

export interface BalanceChange {
  /** Negative credits the customer, positive adds to what they owe. */
  amount: number;
  currency: string;
  type: Stripe.CustomerBalanceTransaction.Type;
  invoice: string | null;
  creditNote: string | null;
}

export function recordBalanceChange(source: EventSource, customer: Stripe.Customer, change: BalanceChange): Stripe.CustomerBalanceTransaction {
  const endingBalance = customer.balance + change.amount;
  const transaction = source.account.put('customer_balance_transaction', {
    id: newId('cbtxn'),
    object: 'customer_balance_transaction',
    amount: change.amount,
    checkout_session: null,
    created: nowSeconds(),
    credit_note: change.creditNote,
    currency: change.currency,
    customer: customer.id,
    customer_account: null,
    description: null,
    ending_balance: endingBalance,
    invoice: change.invoice,
    livemode: false,
    metadata: {},
    type: change.type,
  });
  const after = source.account.put('customer', { ...customer, balance: endingBalance, currency: customer.currency ?? change.currency });
  recordEvent(source, 'customer.updated', after, previousAttributes(customer, after));
  return transaction;
}

export const customerBalanceTransactions: ResourceModule = {
  expandable: { customer_balance_transaction: { customer: 'customer', invoice: 'invoice', credit_note: 'credit_note' } },
  routes: [
    {
      operation: 'GET /v1/customers/{customer}/balance_transactions',
      handle(context) {
        const customer = findOr404(context.account, 'customer', context.pathParams.customer!, 'customer');
        return paginate(context, context.account.all('customer_balance_transaction'), {
          noun: 'customer_balance_transaction',
          filter: (transaction) => transaction.customer === customer.id,
        });
      },
    },
    {
      operation: 'GET /v1/customers/{customer}/balance_transactions/{transaction}',
      handle(context) {
        const { customer, transaction } = context.pathParams;
        const found = context.account.get('customer_balance_transaction', transaction!);
        if (!found || found.customer !== customer) throw resourceMissing('customer_balance_transaction', transaction!);
        return found;
      },
    },
  ],
};
