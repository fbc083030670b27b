// The sandbox-hosted Connect onboarding (`/_sandbox/connect/onboarding/<token>`, an AccountLink's url):
// a form the seller submits (account enabled, `account.updated`) or leaves; both go back to return_url.
// Expired or already-opened links go to refresh_url. Also the Express dashboard a login link opens.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeForm } from '../http/form-decode';
import { completeOnboarding } from '../resources/accounts';
import { ONBOARDING_PATH } from '../resources/account-links';
import type { AccountLinkSession } from '../resources/connect-object-types';
import type { Account } from '../store/account';
import { nowSeconds } from '../store/ids';
import type { SandboxStore } from '../store/sandbox-store';
import { escapeHtml, page, sendHtml } from './html';

const EXPRESS_PATH = '/_sandbox/connect/express/';
const MAX_FORM_BYTES = 16 * 1024;
/** Stripe's documented US test bank account: payouts to it succeed. */
const TEST_ROUTING_NUMBER = '110000000';
const TEST_ACCOUNT_NUMBER = '000123456789';

interface Found {
  platform: Account;
  session: AccountLinkSession;
}

/** The browser carries no API key: the link's token finds its platform (the token is the credential). */
function findSession(store: SandboxStore, token: string): Found | undefined {
  for (const platform of store.allAccounts()) {
    const session = platform.get('account_link_session', token);
    if (session) return { platform, session };
  }
  return undefined;
}

function readForm(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_FORM_BYTES) request.destroy(new Error('form too large'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

type Field = 'business_name' | 'first_name' | 'last_name' | 'dob' | 'routing_number' | 'account_number';
type Values = Record<Field, string>;
type Errors = Partial<Record<Field, string>>;

const FIELDS: { name: Field; label: string; type: string; autocomplete: string }[] = [
  { name: 'business_name', label: 'Business name', type: 'text', autocomplete: 'organization' },
  { name: 'first_name', label: 'First name', type: 'text', autocomplete: 'given-name' },
  { name: 'last_name', label: 'Last name', type: 'text', autocomplete: 'family-name' },
  { name: 'dob', label: 'Date of birth', type: 'date', autocomplete: 'bday' },
  { name: 'routing_number', label: 'Routing number', type: 'text', autocomplete: 'off' },
  { name: 'account_number', label: 'Account number', type: 'text', autocomplete: 'off' },
];

const MINIMUM_AGE_YEARS = 13;

function validate(values: Values): Errors {
  const errors: Errors = {};
  for (const field of ['business_name', 'first_name', 'last_name'] as const) {
    const value = values[field].trim();
    if (value === '') errors[field] = 'This field is required.';
    else if (value.length > 100) errors[field] = 'Use at most 100 characters.';
  }
  const dob = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.dob);
  const born = dob ? Date.UTC(Number(dob[1]), Number(dob[2]) - 1, Number(dob[3])) : NaN;
  const latest = new Date();
  latest.setUTCFullYear(latest.getUTCFullYear() - MINIMUM_AGE_YEARS);
  if (Number.isNaN(born)) errors.dob = 'Enter your date of birth.';
  else if (born > latest.getTime()) errors.dob = `You must be at least ${MINIMUM_AGE_YEARS} years old.`;
  if (!/^\d{9}$/.test(values.routing_number)) errors.routing_number = 'Routing numbers have 9 digits.';
  if (!/^\d{4,17}$/.test(values.account_number)) errors.account_number = 'Enter an account number of 4 to 17 digits.';
  return errors;
}

function formPage({ platform, session }: Found, values: Values, errors: Errors): string {
  const account = platform.get('account', session.account);
  const inputs = FIELDS.map(({ name, label, type, autocomplete }) => {
    const error = errors[name];
    const described = error ? ` aria-invalid="true" aria-describedby="${name}-error"` : '';
    return `<p><label for="${name}">${label}</label><br>
<input id="${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" value="${escapeHtml(values[name])}"${described}>
${error ? `<br><span id="${name}-error" role="alert">${escapeHtml(error)}</span>` : ''}</p>`;
  }).join('\n');
  const email = account?.email ? ` for <strong>${escapeHtml(account.email)}</strong>` : '';
  return page(
    'Set up payouts',
    `<h1>Set up payouts</h1>
<p>This is the Stripe sandbox's test onboarding${email}. Tell us about your business and where to send payouts.</p>
<form method="post" action="${ONBOARDING_PATH}${encodeURIComponent(session.id)}" novalidate>
${inputs}
<p>Test bank account: routing ${TEST_ROUTING_NUMBER}, account ${TEST_ACCOUNT_NUMBER}.</p>
<button class="primary" type="submit" name="action" value="submit">Submit</button>
<button type="submit" name="action" value="abandon" formnovalidate>Leave and return</button>
</form>`,
  );
}

const messagePage = (title: string, message: string) => page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { Location: location, 'Cache-Control': 'no-store' });
  response.end();
}

/** An expired or used link: Stripe sends the browser to refresh_url so the platform can make a new one. */
function sendToRefresh(response: ServerResponse, session: AccountLinkSession): void {
  if (session.refresh_url) redirect(response, session.refresh_url);
  else sendHtml(response, 410, messagePage('Link expired', 'This onboarding link has expired or was already used.'));
}

const stringOf = (value: unknown): string => (typeof value === 'string' ? value : '');

function serveExpressDashboard(store: SandboxStore, response: ServerResponse, path: string): void {
  const accountId = decodeURIComponent(path.slice(EXPRESS_PATH.length).split('/')[0] ?? '');
  const account = [...store.allAccounts()].map((platform) => platform.get('account', accountId)).find((found) => found !== undefined);
  if (!account) {
    sendHtml(response, 404, messagePage('Account not found', 'No Express account is at this address.'));
    return;
  }
  const name = account.business_profile?.name ?? account.email ?? account.id;
  sendHtml(response, 200, messagePage(`${name}: Express dashboard`, `This is the Stripe sandbox's stand-in for the Express dashboard of ${account.id}.`));
}

/** Serves the onboarding page, its form post and the Express dashboard; false for other paths. */
export async function serveConnectOnboardingPage(store: SandboxStore, request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
  const method = request.method ?? 'GET';
  if (path.startsWith(EXPRESS_PATH) && method === 'GET') {
    serveExpressDashboard(store, response, path);
    return true;
  }
  if (!path.startsWith(ONBOARDING_PATH) || (method !== 'GET' && method !== 'POST')) return false;
  const found = findSession(store, decodeURIComponent(path.slice(ONBOARDING_PATH.length)));
  if (!found) {
    sendHtml(response, 404, messagePage('Link not found', 'No onboarding is waiting at this address.'));
    return true;
  }
  const { platform, session } = found;
  if (method === 'GET') {
    if (session.status !== 'unused' || session.expires_at < nowSeconds()) {
      sendToRefresh(response, session);
      return true;
    }
    // Single use: from now on this URL only leads to refresh_url; the open form finishes the session.
    const opened = platform.put('account_link_session', { ...session, status: 'opened' });
    const blank: Values = { business_name: '', first_name: '', last_name: '', dob: '', routing_number: TEST_ROUTING_NUMBER, account_number: TEST_ACCOUNT_NUMBER };
    sendHtml(response, 200, formPage({ platform, session: opened }, blank, {}));
    return true;
  }
  const form = decodeForm(await readForm(request));
  if (session.status !== 'opened') {
    sendToRefresh(response, session);
    return true;
  }
  const returnUrl = session.return_url ?? '/';
  if (stringOf(form.action) !== 'submit') {
    // Leaving submits nothing; Stripe sends the seller to return_url all the same.
    platform.put('account_link_session', { ...session, status: 'finished' });
    redirect(response, returnUrl);
    return true;
  }
  const values = Object.fromEntries(FIELDS.map(({ name }) => [name, stringOf(form[name]).trim()])) as Values;
  const errors = validate(values);
  if (Object.keys(errors).length > 0) {
    sendHtml(response, 400, formPage(found, values, errors));
    return true;
  }
  platform.put('account_link_session', { ...session, status: 'finished' });
  completeOnboarding({ account: platform, requestId: null, idempotencyKey: null }, session.account, {
    businessName: values.business_name,
    firstName: values.first_name,
    lastName: values.last_name,
    routingNumber: values.routing_number,
    accountNumber: values.account_number,
    ip: request.socket.remoteAddress ?? '127.0.0.1',
    userAgent: stringOf(request.headers['user-agent']) || null,
  });
  redirect(response, returnUrl);
  return true;
}
