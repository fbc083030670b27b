// Test-only Connect controls (`/_sandbox/connect/…`), acting on the bearer key's platform.
import { accountKey, type ControlTable } from '../http/sandbox-controls';
import { expireAccountLinks } from './account-links';

export const CONNECT_CONTROLS: ControlTable = {
  /** Makes the platform's outstanding account links expired (of one `account`, or all), as five minutes would. */
  'POST /_sandbox/connect/account_links/expire': (control) => {
    const platform = control.store.account(accountKey(control));
    const account = typeof control.body.account === 'string' ? control.body.account : undefined;
    return { status: 200, body: { ok: true, expired: expireAccountLinks(platform, account) } };
  },
};
