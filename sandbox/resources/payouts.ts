// Payouts from an account's available balance to its bank account (a connected account's, with
// `Stripe-Account`): create, retrieve, update, list. Test-mode payouts are paid at once after creation.
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, type EventSource } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { readCurrency } from '../core/money';
import { readInteger, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import type { RequestContext } from '../http/route';
import { invalidRequest } from '../http/stripe-error';
import { newId, nowSeconds } from '../store/ids';
import { defaultBankAccount } from './accounts';
import { availableAmount, payoutBalanceInsufficient, recordConnectTransaction } from './balance';
import { platformOf, recordEventAsActor } from './connect-store';

const DAY = 86_400;

/** The bank account the payout goes to: the connected account's from onboarding; a platform's is not modelled. */
function payoutDestination(context: RequestContext): string | null {
  const connected = platformOf(context.account);
  if (!connected) return null;
  const account = connected.platform.get('account', connected.accountId);
  if (!account?.payouts_enabled) {
    throw invalidRequest('Payouts are not enabled for this account. Provide the information requested in its requirements to enable them.', {
      code: 'payouts_not_allowed',
    });
  }
  const bankAccount = account && defaultBankAccount(account);
  const requested = readString(context.params, 'destination');
  if (requested && requested !== bankAccount?.id) throw invalidRequest(`No such external account: '${requested}'`, { code: 'resource_missing', param: 'destination' }, 404);
  return bankAccount?.id ?? null;
}

/** Test mode has no banking days: the payout is paid as soon as it is made (`payout.updated`, `payout.paid`). */
function markPaid(source: EventSource, before: Stripe.Payout): Stripe.Payout {
  const after = source.account.put('payout', { ...before, status: 'paid', reconciliation_status: 'completed', trace_id: { status: 'supported', value: `SANDBOX${before.id.slice(-12).toUpperCase()}` } });
  const previous = previousAttributes(before, after);
  recordEventAsActor(source, 'payout.updated', after, previous);
  recordEventAsActor(source, 'payout.paid', after, previous);
  return after;
}

function create(context: RequestContext): Stripe.Payout {
  const { params, account } = context;
  const amount = readInteger(params, 'amount')!;
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  const currency = readCurrency(readString(params, 'currency')!);
  const destination = payoutDestination(context);
  if (amount > availableAmount(account, currency)) throw payoutBalanceInsufficient();
  const id = newId('po');
  const transaction = recordConnectTransaction(account, { type: 'payout', reportingCategory: 'payout', amount: -amount, currency, source: id, description: 'STRIPE PAYOUT' });
  const created = nowSeconds();
  const payout = account.put('payout', {
    id,
    object: 'payout',
    amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: Math.floor(created / DAY) * DAY + DAY,
    automatic: false,
    balance_transaction: transaction.id,
    created,
    currency,
    description: readString(params, 'description') ?? 'STRIPE PAYOUT',
    destination,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: applyMetadata({}, params),
    method: readString(params, 'method') ?? 'standard',
    original_payout: null,
    payout_method: null,
    reconciliation_status: 'not_applicable',
    reversed_by: null,
    source_type: readString(params, 'source_type') ?? 'card',
    statement_descriptor: readString(params, 'statement_descriptor') ?? null,
    status: 'pending',
    trace_id: { status: 'pending', value: null },
    type: 'bank_account',
  });
  recordEventAsActor(context, 'payout.created', payout);
  markPaid(context, payout);
  // The answer shows the payout as made; reading it again shows it paid.
  return payout;
}

const findPayout = (context: RequestContext): Stripe.Payout => findOr404(context.account, 'payout', context.pathParams.payout!, 'payout');

function update(context: RequestContext): Stripe.Payout {
  const before = findPayout(context);
  const after: Stripe.Payout = { ...before, metadata: applyMetadata(before.metadata ?? {}, context.params) };
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length === 0) return before;
  context.account.put('payout', after);
  recordEventAsActor(context, 'payout.updated', after, previous);
  return after;
}

export const payouts: ResourceModule = {
  expandable: { payout: { balance_transaction: 'balance_transaction' } },
  routes: [
    { operation: 'POST /v1/payouts', handle: create },
    { operation: 'GET /v1/payouts/{payout}', handle: findPayout },
    { operation: 'POST /v1/payouts/{payout}', handle: update },
    {
      operation: 'GET /v1/payouts',
      handle(context) {
        const status = readString(context.params, 'status');
        const destination = readString(context.params, 'destination');
        return paginate(context, context.account.all('payout'), {
          noun: 'payout',
          filter: (payout) => (status === undefined || payout.status === status) && (destination === undefined || payout.destination === destination),
        });
      },
    },
  ],
};
