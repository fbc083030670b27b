// The sandbox-hosted 3-D Secure challenge (`/_sandbox/3ds/<payment or setup intent>`): a page with Complete
// and Fail buttons; the answer moves the intent on and sends the customer back to the return_url.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Stripe from 'stripe';
import { formatAmount } from '../core/money';
import { decodeForm } from '../http/form-decode';
import { StripeApiError } from '../http/stripe-error';
import { finishAuthentication } from '../resources/payment-intent-flow';
import { finishSetupAuthentication } from '../resources/setup-intent-flow';
import type { Account } from '../store/account';
import type { SandboxStore } from '../store/sandbox-store';
import { escapeHtml, page, sendHtml } from './html';
import { serveReceiptPage } from './receipt-page';

export const THREE_DS_PREFIX = '/_sandbox/3ds/';
const MAX_FORM_BYTES = 16 * 1024;

interface Found {
  account: Account;
  intent: Stripe.PaymentIntent | Stripe.SetupIntent;
}

/** The browser carries no API key: the intent's id finds its account, its client_secret proves the right to act. */
function findIntent(store: SandboxStore, id: string, clientSecret: string | undefined): Found | undefined {
  for (const account of store.allAccounts()) {
    const intent = id.startsWith('seti_') ? account.get('setup_intent', id) : account.get('payment_intent', id);
    if (intent) return clientSecret !== undefined && clientSecret === intent.client_secret ? { account, intent } : undefined;
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

const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function challengePage({ account, intent }: Found): string {
  const paymentMethod = typeof intent.payment_method === 'string' ? account.get('payment_method', intent.payment_method) : undefined;
  const card = paymentMethod?.card ? `${paymentMethod.card.brand} ending in ${paymentMethod.card.last4}` : 'your card';
  const what =
    intent.object === 'payment_intent'
      ? `a payment of <strong>${escapeHtml(`${formatAmount(intent.amount, intent.currency)} ${intent.currency.toUpperCase()}`)}</strong>`
      : 'saving your card for future payments';
  return page(
    '3D Secure authentication',
    `<h1>3D Secure authentication</h1>
<p>This is the Stripe sandbox's test page for 3D Secure. Your bank asks you to confirm
${what} with ${escapeHtml(card)}.</p>
<form method="post" action="${THREE_DS_PREFIX}${encodeURIComponent(intent.id)}">
<input type="hidden" name="client_secret" value="${escapeHtml(intent.client_secret ?? '')}">
<button class="primary" type="submit" name="outcome" value="complete">Complete authentication</button>
<button type="submit" name="outcome" value="fail">Fail authentication</button>
</form>`,
  );
}

const messagePage = (title: string, message: string) => page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);

/** Where Stripe sends the customer back: the return_url with the intent, its secret and the outcome. */
function returnLocation(returnUrl: string, intent: Stripe.PaymentIntent | Stripe.SetupIntent): string {
  const url = new URL(returnUrl);
  url.searchParams.set(intent.object, intent.id);
  url.searchParams.set(`${intent.object}_client_secret`, intent.client_secret ?? '');
  url.searchParams.set('redirect_status', intent.status === 'requires_payment_method' ? 'failed' : 'succeeded');
  return url.toString();
}

/**
 * Serves the sandbox's customer-facing pages (this challenge and its form post, and receipts); returns
 * false for other paths.
 */
export async function serveThreeDSecurePage(store: SandboxStore, request: IncomingMessage, response: ServerResponse, path: string, query: string): Promise<boolean> {
  if (serveReceiptPage(store, request, response, path)) return true;
  if (!path.startsWith(THREE_DS_PREFIX)) return false;
  const method = request.method ?? 'GET';
  const id = decodeURIComponent(path.slice(THREE_DS_PREFIX.length));
  const form = method === 'POST' ? decodeForm(await readForm(request)) : decodeForm(query);
  const found = findIntent(store, id, stringOf(form.client_secret));
  if (!found) {
    sendHtml(response, 404, messagePage('Authentication not found', 'No payment is waiting for authentication at this address.'));
    return true;
  }
  const attempt = found.account.get('three_d_secure_attempt', found.intent.id);
  const pending = found.intent.status === 'requires_action' && attempt?.status === 'pending';
  if (method === 'GET') {
    if (pending) sendHtml(response, 200, challengePage(found));
    else sendHtml(response, 409, messagePage('Authentication already finished', 'This payment is no longer waiting for authentication.'));
    return true;
  }
  if (method !== 'POST') return false;
  const outcome = stringOf(form.outcome);
  if (outcome !== 'complete' && outcome !== 'fail') {
    sendHtml(response, 400, messagePage('Choose an answer', 'Use the Complete or Fail button to answer the challenge.'));
    return true;
  }
  let after: Stripe.PaymentIntent | Stripe.SetupIntent;
  const source = { account: found.account, requestId: null, idempotencyKey: null };
  try {
    after =
      found.intent.object === 'payment_intent'
        ? finishAuthentication(source, found.intent, outcome)
        : finishSetupAuthentication(source, found.intent, outcome);
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    sendHtml(response, 409, messagePage('Authentication already finished', error.fields.message));
    return true;
  }
  if (attempt?.return_url) {
    response.writeHead(303, { Location: returnLocation(attempt.return_url, after), 'Cache-Control': 'no-store' });
    response.end();
  } else {
    const done = outcome === 'complete' ? 'Authentication complete' : 'Authentication failed';
    sendHtml(response, 200, messagePage(done, 'You can close this window and return to the merchant.'));
  }
  return true;
}
