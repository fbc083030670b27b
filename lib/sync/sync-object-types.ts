// The object types a backfill or reconciliation reads from Stripe, and how each is listed, retrieved and
// turned into a stand-in event so it reaches the projection through the one apply path and its ordering guard.
import 'server-only';
import type Stripe from 'stripe';
import { standInEvent } from './stand-in-event';
import { accountPayouts } from './sync-payouts';

export const SYNC_OBJECT_TYPES = [
  'customer',
  'payment_intent',
  'charge',
  'refund',
  'dispute',
  'setup_intent',
  'quote',
  'invoice',
  'credit_note',
  'connected_account',
  'transfer',
  'application_fee',
  'payout',
] as const;
export type SyncObjectType = (typeof SYNC_OBJECT_TYPES)[number];

export interface ListParams {
  limit: number;
  starting_after?: string;
  created?: { gte?: number; lte?: number };
}

interface SyncedObject {
  id: string;
  created: number;
}

export interface SyncDefinition<T extends SyncedObject> {
  /** plural, for progress lines */
  label: string;
  /** whether Stripe's list takes `created` (the quotes list does not); otherwise a range is filtered after listing */
  listsByCreated: boolean;
  list(stripe: Stripe, params: ListParams): AsyncIterable<T>;
  retrieve(stripe: Stripe, id: string): Promise<T | null>;
  toEvent(object: T, eventId: string, created: number): Stripe.Event;
  /** where a resumed list starts after this object, when the object's id alone cannot say (`starting_after`) */
  cursorOf?(object: T): string;
}

const customer: SyncDefinition<Stripe.Customer> = {
  label: 'customers',
  listsByCreated: true,
  list: (stripe, params) => stripe.customers.list(params),
  async retrieve(stripe, id) {
    const found = await stripe.customers.retrieve(id);
    return found.deleted ? null : found;
  },
  toEvent: (object, id, created) => standInEvent<Stripe.CustomerUpdatedEvent>('customer.updated', object, id, created),
};

const paymentIntent: SyncDefinition<Stripe.PaymentIntent> = {
  label: 'payment intents',
  listsByCreated: true,
  list: (stripe, params) => stripe.paymentIntents.list(params),
  retrieve: (stripe, id) => stripe.paymentIntents.retrieve(id),
  toEvent: (object, id, created) => standInEvent<Stripe.PaymentIntentCreatedEvent>('payment_intent.created', object, id, created),
};

const charge: SyncDefinition<Stripe.Charge> = {
  label: 'charges',
  listsByCreated: true,
  list: (stripe, params) => stripe.charges.list(params),
  retrieve: (stripe, id) => stripe.charges.retrieve(id),
  toEvent: (object, id, created) => standInEvent<Stripe.ChargeUpdatedEvent>('charge.updated', object, id, created),
};

const refund: SyncDefinition<Stripe.Refund> = {
  label: 'refunds',
  listsByCreated: true,
  list: (stripe, params) => stripe.refunds.list(params),
  retrieve: (stripe, id) => stripe.refunds.retrieve(id),
  toEvent: (object, id, created) => standInEvent<Stripe.RefundUpdatedEvent>('refund.updated', object, id, created),
};

const dispute: SyncDefinition<Stripe.Dispute> = {
  label: 'disputes',
  listsByCreated: true,
  list: (stripe, params) => stripe.disputes.list(params),
  retrieve: (stripe, id) => stripe.disputes.retrieve(id),
  toEvent: (object, id, created) => standInEvent<Stripe.ChargeDisputeUpdatedEvent>('charge.dispute.updated', object, id, created),
};

const setupIntent: SyncDefinition<Stripe.SetupIntent> = {
  label: 'setup intents',
  listsByCreated: true,
  list: (stripe, params) => stripe.setupIntents.list(params),
  retrieve: (stripe, id) => stripe.setupIntents.retrieve(id),
  toEvent: (object, id, created) => standInEvent<Stripe.SetupIntentCreatedEvent>('setup_intent.created', object, id, created),
};

const quote: SyncDefinition<Stripe.Quote> = {
  label: 'quotes',
  listsByCreated: false,
  list: (stripe, params) => stripe.quotes.list({ limit: params.limit, starting_after: params.starting_after }),
  retrieve: (stripe, id) => stripe.quotes.retrieve(id),
  toEvent: (object, id, created) => standInEvent<Stripe.QuoteCreatedEvent>('quote.created', object, id, created),
};

const invoice: SyncDefinition<Stripe.Invoice> = {
  label: 'invoices',
  listsByCreated: true,
  list: (stripe, params) => stripe.invoices.list(params),
  retrieve: (stripe, id) => stripe.invoices.retrieve(id),
  toEvent: (object, id, created) => standInEvent<Stripe.InvoiceUpdatedEvent>('invoice.updated', object, id, created),
};

const creditNote: SyncDefinition<Stripe.CreditNote> = {
  label: 'credit notes',
  listsByCreated: true,
  list: (stripe, params) => stripe.creditNotes.list(params),
  retrieve: (stripe, id) => stripe.creditNotes.retrieve(id),
  toEvent: (object, id, created) => standInEvent<Stripe.CreditNoteUpdatedEvent>('credit_note.updated', object, id, created),
};

/** The SDK types an account's `created` as optional; the projection stores 0 when it is absent, as here. */
type ListedAccount = Stripe.Account & { created: number };
const withCreated = (account: Stripe.Account): ListedAccount => ({ ...account, created: account.created ?? 0 });

async function* listAccounts(stripe: Stripe, params: ListParams): AsyncGenerator<ListedAccount> {
  for await (const account of stripe.accounts.list(params)) yield withCreated(account);
}

const connectedAccount: SyncDefinition<ListedAccount> = {
  label: 'connected accounts',
  listsByCreated: true,
  list: listAccounts,
  async retrieve(stripe, id) {
    const found: Stripe.Account | Stripe.DeletedAccount = await stripe.accounts.retrieve(id);
    return 'deleted' in found && found.deleted ? null : withCreated(found as Stripe.Account);
  },
  // Stripe has no account.created: an account's every change is an account.updated, carrying its own id as `account`.
  toEvent: (object, id, created) => standInEvent<Stripe.AccountUpdatedEvent>('account.updated', object, id, created, object.id),
};

const transfer: SyncDefinition<Stripe.Transfer> = {
  label: 'transfers',
  listsByCreated: true,
  list: (stripe, params) => stripe.transfers.list(params),
  retrieve: (stripe, id) => stripe.transfers.retrieve(id),
  toEvent: (object, id, created) => standInEvent<Stripe.TransferUpdatedEvent>('transfer.updated', object, id, created),
};

const applicationFee: SyncDefinition<Stripe.ApplicationFee> = {
  label: 'application fees',
  listsByCreated: true,
  list: (stripe, params) => stripe.applicationFees.list(params),
  retrieve: (stripe, id) => stripe.applicationFees.retrieve(id),
  // The handler writes application_fee.created and .refunded alike; there is no application_fee.updated.
  toEvent: (object, id, created) => standInEvent<Stripe.ApplicationFeeCreatedEvent>('application_fee.created', object, id, created),
};

export const SYNC_DEFINITIONS: Record<SyncObjectType, SyncDefinition<SyncedObject>> = {
  customer,
  payment_intent: paymentIntent,
  charge,
  refund,
  dispute,
  setup_intent: setupIntent,
  quote,
  invoice,
  credit_note: creditNote,
  connected_account: connectedAccount,
  transfer,
  application_fee: applicationFee,
  payout: accountPayouts,
};

/** The object type an id belongs to, from Stripe's prefixes. */
export function syncTypeOfId(id: string): SyncObjectType | null {
  if (id.startsWith('cus_')) return 'customer';
  if (id.startsWith('pi_')) return 'payment_intent';
  if (id.startsWith('ch_') || id.startsWith('py_')) return 'charge';
  if (id.startsWith('re_') || id.startsWith('pyr_')) return 'refund';
  if (id.startsWith('dp_') || id.startsWith('du_')) return 'dispute';
  if (id.startsWith('seti_')) return 'setup_intent';
  if (id.startsWith('qt_')) return 'quote';
  if (id.startsWith('in_')) return 'invoice';
  if (id.startsWith('cn_')) return 'credit_note';
  if (id.startsWith('acct_')) return 'connected_account';
  if (id.startsWith('tr_')) return 'transfer';
  if (id.startsWith('fee_')) return 'application_fee';
  if (id.startsWith('po_')) return 'payout';
  return null;
}
