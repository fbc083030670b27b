// What every chaos story gets: the clients, the actor, how a form is submitted (double-clicks, retries with the
// same nonce) and the ledger of what was asked, which the checks compare with the sandbox at the end.
import type Stripe from 'stripe';
import type { SessionUser } from '@/lib/auth/require-role';
import type { Db } from '@/lib/db/client';

export interface SubmitOptions {
  /** the object the action's idempotency key names (dispute, quote, invoice, charge, account) */
  objectId?: string;
  /** a nonce the action derives itself (an evidence upload keys on field and content), not the form's */
  nonce?: string;
}

/** What one payment should end as, from the operations that were asked for. */
export interface IntendedPayment {
  paymentIntentId: string;
  status: 'succeeded' | 'canceled';
  amountReceived: number;
  refunds: number[];
}

export interface IntendedDispute {
  disputeId: string;
  /** the evidence file the submission named */
  receiptFileId: string;
  status: 'under_review' | 'won';
}

export interface IntendedQuote {
  quoteId: string;
  status: 'accepted' | 'canceled';
}

export interface IntendedInvoice {
  invoiceId: string;
  total: number;
  /** totals of the credit notes asked for, each issued once */
  creditNotes: number[];
  /** the refunds the credit notes asked for on the invoice's payment */
  refunds: number[];
}

export interface IntendedOrder {
  paymentIntentId: string;
  accountId: string;
  amount: number;
  applicationFee: number;
  refunds: number[];
}

export interface ChaosLedger {
  payments: IntendedPayment[];
  disputes: IntendedDispute[];
  quotes: IntendedQuote[];
  invoices: IntendedInvoice[];
  orders: IntendedOrder[];
  /** refusals the workload expects (an over-credit): described when one changed something */
  refusalDifferences: string[];
}

export interface StoryContext {
  stripe: Stripe;
  db: Db;
  actor: SessionUser;
  ledger: ChaosLedger;
  /** one dashboard form: double-clicked sometimes, sent again with the same nonce after any error */
  submit<T>(action: string, run: (nonce: string) => Promise<T>, options?: SubmitOptions): Promise<T>;
  /** a call that is no dashboard action (a test card, the customer's browser, a read), retried the same way */
  setup<T>(run: () => Promise<T>): Promise<T>;
  /** the onboarded seller's connected account, once its charges are enabled in the projection */
  sellerAccount(): Promise<string>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const emptyLedger = (): ChaosLedger => ({ payments: [], disputes: [], quotes: [], invoices: [], orders: [], refusalDifferences: [] });
