// Client secrets and intent requests: which intent a secret names, retrieving it, and the result
// objects Stripe.js resolves (`{paymentIntent}`, `{setupIntent}` or `{error}`).
import type { ApiClient } from './api-client';
import { IntegrationError, type Intent, type PaymentIntent, type SetupIntent, type StripeJsError } from './types';

export type IntentKind = 'payment_intent' | 'setup_intent';

export interface IntentRef {
  kind: IntentKind;
  id: string;
  secret: string;
}

export type IntentResult = { paymentIntent: PaymentIntent } | { setupIntent: SetupIntent } | { error: StripeJsError };

/** Parses `pi_…_secret_…` / `seti_…_secret_…`; anything else is an integration mistake, thrown. */
export function parseClientSecret(secret: unknown, method: string, expected?: IntentKind): IntentRef {
  const text = typeof secret === 'string' ? secret : '';
  const match = /^((pi|seti)_[A-Za-z0-9]+)_secret_[A-Za-z0-9_]+$/.exec(text);
  const kind: IntentKind = match?.[2] === 'seti' ? 'setup_intent' : 'payment_intent';
  if (!match || (expected && kind !== expected)) {
    const form = expected === 'setup_intent' ? 'seti' : 'pi';
    throw new IntegrationError(
      `Invalid value for ${method}: clientSecret should be a client secret of the form ${form}_\${id}_secret_\${secret}. You specified: ${String(secret)}.`,
    );
  }
  return { kind, id: match[1]!, secret: text };
}

export const intentPath = (ref: IntentRef): string =>
  `/v1/${ref.kind === 'setup_intent' ? 'setup_intents' : 'payment_intents'}/${encodeURIComponent(ref.id)}`;

export const isSetupIntent = (intent: Intent): intent is SetupIntent => intent.object === 'setup_intent';

export const intentResult = (intent: Intent): IntentResult => (isSetupIntent(intent) ? { setupIntent: intent } : { paymentIntent: intent });

export async function retrieveIntent(api: ApiClient, ref: IntentRef): Promise<{ ok: true; intent: Intent } | { ok: false; error: StripeJsError }> {
  const result = await api.request<Intent>('GET', intentPath(ref), { client_secret: ref.secret });
  return result.ok ? { ok: true, intent: result.body } : result;
}

/** An error as Stripe.js hands it over: with the intent it concerns, fetched when the API left it out. */
export async function errorWithIntent(api: ApiClient, ref: IntentRef, error: StripeJsError): Promise<{ error: StripeJsError }> {
  if (error.payment_intent || error.setup_intent || error.type === 'validation_error') return { error };
  const retrieved = await retrieveIntent(api, ref);
  if (!retrieved.ok) return { error };
  const intent = retrieved.intent;
  return { error: isSetupIntent(intent) ? { ...error, setup_intent: intent } : { ...error, payment_intent: intent } };
}

/** The error an intent carries after a failed attempt (declined, or 3-D Secure failed). */
export function lastError(intent: Intent): StripeJsError | undefined {
  const last = isSetupIntent(intent) ? intent.last_setup_error : intent.last_payment_error;
  if (!last) return undefined;
  return {
    type: last.type === 'card_error' ? 'card_error' : last.type === 'api_error' ? 'api_error' : 'invalid_request_error',
    code: last.code ?? undefined,
    decline_code: last.decline_code ?? undefined,
    message: last.message ?? undefined,
    param: last.param ?? undefined,
    doc_url: last.doc_url ?? undefined,
  };
}
