// Account links: single-use, five-minute URLs to the sandbox's hosted onboarding page for one account
// (`account_onboarding`; `account_update` only where the platform collects requirements, as Stripe).
import type Stripe from 'stripe';
import { readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { publicBaseUrl } from '../hosted/public-url';
import type { RequestContext } from '../http/route';
import { invalidRequest, parameterMissing } from '../http/stripe-error';
import type { Account } from '../store/account';
import { nowSeconds, randomAlphanumeric } from '../store/ids';
import { findAccount } from './accounts';
import type { AccountLinkSession } from './connect-object-types';

/** Stripe's account links expire five minutes after creation. */
export const ACCOUNT_LINK_TTL_SECONDS = 300;
export const ONBOARDING_PATH = '/_sandbox/connect/onboarding/';

function create(context: RequestContext): Stripe.AccountLink {
  const { params, account: platform } = context;
  const account = findAccount(platform, readString(params, 'account')!, 'account');
  const type = readString(params, 'type') as AccountLinkSession['type'];
  const refreshUrl = readString(params, 'refresh_url');
  const returnUrl = readString(params, 'return_url');
  if (!refreshUrl) throw parameterMissing('refresh_url');
  if (!returnUrl) throw parameterMissing('return_url');
  if (type === 'account_update' && account.controller?.requirement_collection !== 'application') {
    throw invalidRequest(
      'You cannot create `account_update` type Account Links for this account. Valid types for this account are ["account_onboarding"].',
      { param: 'type' },
    );
  }
  const created = nowSeconds();
  const session = platform.put('account_link_session', {
    id: randomAlphanumeric(32),
    object: 'account_link_session',
    created,
    account: account.id,
    type,
    refresh_url: refreshUrl,
    return_url: returnUrl,
    expires_at: created + ACCOUNT_LINK_TTL_SECONDS,
    status: 'unused',
  });
  return { object: 'account_link', created, expires_at: session.expires_at, url: `${publicBaseUrl()}${ONBOARDING_PATH}${session.id}` };
}

/** Test control: makes the platform's outstanding links (of one account, or all) expired, as if five minutes passed. */
export function expireAccountLinks(platform: Account, accountId: string | undefined): number {
  const now = nowSeconds();
  let expired = 0;
  for (const session of platform.all('account_link_session')) {
    if (session.status === 'finished' || (accountId && session.account !== accountId) || session.expires_at < now) continue;
    platform.put('account_link_session', { ...session, expires_at: now - 1 });
    expired += 1;
  }
  return expired;
}

export const accountLinks: ResourceModule = {
  routes: [{ operation: 'POST /v1/account_links', handle: create }],
};
