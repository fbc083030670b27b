// Where a connected account's own objects live and how requests act as it: each `acct_…` of a
// platform is a store account of its own (key `<platform key>/<acct id>`), reached with `Stripe-Account`.
import type Stripe from 'stripe';
import { recordEvent, type EventSource } from '../core/events';
import { onReset } from '../http/sandbox-controls';
import { StripeApiError } from '../http/stripe-error';
import type { Account } from '../store/account';
import type { SandboxStore } from '../store/sandbox-store';
import './connect-object-types';

let boundStore: SandboxStore | undefined;
let resetHooked = false;

/** The server binds its store here so automatic flows (a charge succeeding) can reach connected accounts. */
export function bindConnectStore(store: SandboxStore): void {
  boundStore = store;
  if (resetHooked) return;
  resetHooked = true;
  // Resetting a platform also wipes its connected accounts' own stores (a full reset already clears everything).
  onReset((platformKey) => {
    if (platformKey === null || !boundStore) return;
    const prefix = `${platformKey}${SEPARATOR}acct_`;
    const connected = [...boundStore.allAccounts()].filter((account) => account.key.startsWith(prefix));
    for (const account of connected) boundStore.resetAccount(account.key);
  });
}

function store(): SandboxStore {
  if (!boundStore) throw new Error('Connect needs the sandbox store: createSandboxServer binds it');
  return boundStore;
}

const SEPARATOR = '/';

/** The store account holding a connected account's balance, payouts and events. */
export function connectedStoreAccount(platform: Account, accountId: string): Account {
  return store().account(`${platform.key}${SEPARATOR}${accountId}`);
}

/** For a connected account's store account: its platform and its `acct_…` id; undefined for a platform. */
export function platformOf(account: Account): { platform: Account; accountId: string } | undefined {
  const at = account.key.lastIndexOf(`${SEPARATOR}acct_`);
  if (at < 0) return undefined;
  return { platform: store().account(account.key.slice(0, at)), accountId: account.key.slice(at + 1) };
}

/** Stripe's answer when `Stripe-Account` names an account the key cannot act for (SDK: StripePermissionError). */
function noAccessTo(accountId: string, apiKey: string): StripeApiError {
  const masked = `${apiKey.slice(0, 8)}${'*'.repeat(Math.max(0, apiKey.length - 12))}${apiKey.slice(-4)}`;
  return new StripeApiError(403, {
    type: 'invalid_request_error',
    code: 'account_invalid',
    message: `The provided key '${masked}' does not have access to account '${accountId}' (or that account does not exist). Application access may have been revoked.`,
  });
}

/** The account a request acts as: the key's own, or (with `Stripe-Account`) one of its connected accounts. */
export function actingAccount(platform: Account, stripeAccountHeader: string | string[] | undefined): Account {
  if (stripeAccountHeader === undefined) return platform;
  const accountId = (Array.isArray(stripeAccountHeader) ? stripeAccountHeader[0] : stripeAccountHeader)?.trim() ?? '';
  if (accountId === '' || !platform.get('account', accountId)) throw noAccessTo(accountId, platform.key);
  return connectedStoreAccount(platform, accountId);
}

/**
 * Records an event that happened on a connected account. Stripe sends these to the platform's Connect
 * endpoints with `account` set; the sandbox has no separate Connect endpoints, so the event is recorded
 * (and delivered) on the platform, and a copy is listed on the connected account's own /v1/events.
 */
export function recordConnectEvent<T extends Stripe.Event['type']>(
  platformSource: EventSource,
  accountId: string,
  type: T,
  object: Parameters<typeof recordEvent<T>>[2],
  previousAttributes?: Record<string, unknown>,
): Stripe.Event {
  const { account: platform } = platformSource;
  const recorded = recordEvent(platformSource, type, object, previousAttributes);
  // Re-read: queueing deliveries has already raised pending_webhooks on the stored copy.
  const tagged: Stripe.Event = { ...(platform.get('event', recorded.id) ?? recorded), account: accountId };
  platform.put('event', tagged);
  connectedStoreAccount(platform, accountId).put('event', tagged);
  return tagged;
}

/**
 * Records an event where `source.account` may be a connected account's store (a `Stripe-Account`
 * request): then it is a Connect event as above; otherwise a plain platform event.
 */
export function recordEventAsActor<T extends Stripe.Event['type']>(
  source: EventSource,
  type: T,
  object: Parameters<typeof recordEvent<T>>[2],
  previousAttributes?: Record<string, unknown>,
): Stripe.Event {
  const connected = platformOf(source.account);
  if (!connected) return recordEvent(source, type, object, previousAttributes);
  return recordConnectEvent({ ...source, account: connected.platform }, connected.accountId, type, object, previousAttributes);
}
