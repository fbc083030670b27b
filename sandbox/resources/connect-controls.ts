// Test-only Connect controls (`/_sandbox/connect/…`), acting on the bearer key's platform.
import type { FormValue } from '../http/form-value';
import { accountKey, type ControlTable } from '../http/sandbox-controls';
import { invalidRequest } from '../http/stripe-error';
import { expireAccountLinks } from './account-links';
import { requestRequirements } from './accounts';

/** `a,b` or `x[]=a&x[]=b`, as a list of non-empty strings. */
const readList = (value: FormValue | undefined): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : []).filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());

export const CONNECT_CONTROLS: ControlTable = {
  /** Makes the platform's outstanding account links expired (of one `account`, or all), as five minutes would. */
  'POST /_sandbox/connect/account_links/expire': (control) => {
    const platform = control.store.account(accountKey(control));
    const account = typeof control.body.account === 'string' ? control.body.account : undefined;
    return { status: 200, body: { ok: true, expired: expireAccountLinks(platform, account) } };
  },

  /**
   * Stripe asks an account for more: `currently_due` (list) becomes due, with `past_due=true` overdue
   * (charges and payouts disabled); `account.updated` as Stripe sends it. The hosted onboarding collects it.
   */
  'POST /_sandbox/connect/accounts/{account}/requirements': (control) => {
    const platform = control.store.account(accountKey(control));
    const currentlyDue = readList(control.body.currently_due);
    if (currentlyDue.length === 0) throw invalidRequest('Give the requirements to ask for in currently_due.', { param: 'currently_due' });
    const source = { account: platform, requestId: null, idempotencyKey: null };
    return { status: 200, body: requestRequirements(source, control.pathParams.account!, currentlyDue, control.body.past_due === 'true') };
  },
};
