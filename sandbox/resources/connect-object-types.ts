// The stored types Connect adds to the store (by module augmentation, like webhooks/object-types.ts):
// connected accounts, their onboarding links, and the money that moves between platform and account.
import type Stripe from 'stripe';

/**
 * The state behind an AccountLink's URL (the link itself has no id in Stripe). Keyed by the URL's
 * token: `unused` until the browser opens it, `opened` while the form is on screen, then `finished`.
 */
export interface AccountLinkSession {
  id: string;
  object: 'account_link_session';
  created: number;
  account: string;
  type: 'account_onboarding' | 'account_update';
  refresh_url: string | null;
  return_url: string | null;
  expires_at: number;
  status: 'unused' | 'opened' | 'finished';
}

declare module '../store/object-types' {
  interface ObjectTypes {
    account: Stripe.Account;
    account_link_session: AccountLinkSession;
    transfer: Stripe.Transfer;
    transfer_reversal: Stripe.TransferReversal;
    application_fee: Stripe.ApplicationFee;
    payout: Stripe.Payout;
  }
}
