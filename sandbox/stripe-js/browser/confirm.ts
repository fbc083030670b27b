// Confirming an intent as Stripe.js does: create the card PaymentMethod from the Element (the raw
// number goes only to the sandbox), confirm with the client secret, then handle `requires_action`
// by navigating (redirect) or in the in-page 3-D Secure modal, and resolve Stripe.js's result.
import type { ApiClient } from './api-client';
import { runChallenge } from './challenge-modal';
import type { CardDetails } from './elements-group';
import { errorWithIntent, intentPath, intentResult, isSetupIntent, lastError, retrieveIntent, type IntentRef, type IntentResult } from './intents';
import { isRecord, type Intent, type Options, type PaymentMethod, type StripeJsError } from './types';

/** What happens on `requires_action`: follow the redirect, open the modal, or hand the intent back. */
export type ActionHandling = 'redirect' | 'modal' | 'none';

export interface ConfirmRequest {
  ref: IntentRef;
  /** A PaymentMethod id, card details read from an Element, or nothing (the intent's own). */
  paymentMethod?: string | { card: CardDetails; billingDetails?: unknown };
  /** Further confirm parameters (shipping, receipt_email, setup_future_usage, payment_method_options, …). */
  params: Options;
  handling: ActionHandling;
  /** The merchant's return_url (redirect handling: used for the redirect and sent to the API). */
  returnUrl?: string;
  /** Confirm handling 'redirect' also navigates after an immediate success (confirmPayment's default). */
  redirectOnSuccess: boolean;
}

export const THREE_DS_RETURN_PATH = '/_sandbox/stripe-js/3ds-return';

/** A promise for a page that is navigating away: Stripe.js never settles it. */
const navigate = (url: string): Promise<never> => {
  window.location.assign(url);
  return new Promise<never>(() => undefined);
};

function withBillingPostalCode(billingDetails: unknown, postalCode: string | undefined): Options | undefined {
  const billing = isRecord(billingDetails) ? { ...billingDetails } : {};
  if (postalCode) billing.address = { ...(isRecord(billing.address) ? billing.address : {}), postal_code: postalCode };
  return Object.keys(billing).length > 0 ? billing : undefined;
}

/** `POST /v1/payment_methods` with the card as typed; the sandbox maps test numbers to their outcomes. */
export async function createCardPaymentMethod(
  api: ApiClient,
  card: CardDetails,
  billingDetails: unknown,
  extra: Options = {},
): Promise<{ ok: true; paymentMethod: PaymentMethod } | { ok: false; error: StripeJsError }> {
  const { postalCode, ...cardParams } = card;
  const result = await api.request<PaymentMethod>('POST', '/v1/payment_methods', {
    ...extra,
    type: 'card',
    card: cardParams,
    billing_details: withBillingPostalCode(billingDetails, postalCode),
  });
  return result.ok ? { ok: true, paymentMethod: result.body } : result;
}

function redirectUrl(base: string, intent: Intent, ref: IntentRef): string {
  const url = new URL(base, window.location.href);
  const prefix = isSetupIntent(intent) ? 'setup_intent' : 'payment_intent';
  url.searchParams.set(prefix, intent.id);
  url.searchParams.set(`${prefix}_client_secret`, ref.secret);
  url.searchParams.set('redirect_status', intent.status === 'succeeded' || intent.status === 'processing' ? 'succeeded' : 'failed');
  return url.toString();
}

/** The URL a `requires_action` intent wants the customer to visit, if it is one the stand-in can show. */
function actionUrl(intent: Intent): string | undefined {
  const action = intent.next_action;
  if (!action) return undefined;
  if (action.type === 'redirect_to_url') return action.redirect_to_url?.url ?? undefined;
  const sdk: unknown = action.use_stripe_sdk;
  if (isRecord(sdk)) {
    const url = sdk.stripe_js ?? sdk.url;
    if (typeof url === 'string') return url;
  }
  return undefined;
}

const AUTHENTICATION_FAILED: StripeJsError = {
  type: 'invalid_request_error',
  code: 'payment_intent_authentication_failure',
  message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
};

/** After confirmation (or for handleNextAction): deal with `requires_action`, then settle like Stripe.js. */
export async function settleIntent(api: ApiClient, request: ConfirmRequest, intent: Intent): Promise<IntentResult> {
  const { ref, handling } = request;
  if (intent.status === 'requires_action' && handling !== 'none') {
    const url = actionUrl(intent);
    if (!url) {
      return errorWithIntent(api, ref, { type: 'invalid_request_error', message: `The sandbox's Stripe.js cannot handle the next action \`${intent.next_action?.type ?? 'unknown'}\`.` });
    }
    if (handling === 'redirect') return navigate(url);
    await runChallenge({
      url,
      sandboxOrigin: api.origin,
      isSettled: async () => {
        const now = await retrieveIntent(api, ref);
        return now.ok && now.intent.status !== 'requires_action';
      },
    });
    const after = await retrieveIntent(api, ref);
    if (!after.ok) return { error: after.error };
    intent = after.intent;
    if (intent.status === 'requires_action' || intent.status === 'requires_payment_method') {
      const last = intent.status === 'requires_action' ? undefined : lastError(intent);
      // Stripe.js shows its own customer-facing wording for a failed challenge, not the API's.
      const error = !last || /authentication_failure$/.test(last.code ?? '') ? { ...last, ...AUTHENTICATION_FAILED } : last;
      return { error: isSetupIntent(intent) ? { ...error, setup_intent: intent } : { ...error, payment_intent: intent } };
    }
  }
  if (request.redirectOnSuccess && request.returnUrl && intent.status !== 'requires_action') {
    return navigate(redirectUrl(request.returnUrl, intent, ref));
  }
  return intentResult(intent);
}

export async function confirmIntent(api: ApiClient, request: ConfirmRequest): Promise<IntentResult> {
  const { ref, paymentMethod, params, handling } = request;
  let paymentMethodId: string | undefined;
  if (typeof paymentMethod === 'string') {
    paymentMethodId = paymentMethod;
  } else if (paymentMethod) {
    const created = await createCardPaymentMethod(api, paymentMethod.card, paymentMethod.billingDetails);
    if (!created.ok) return errorWithIntent(api, ref, created.error);
    paymentMethodId = created.paymentMethod.id;
  }
  // In the modal the challenge must end on a sandbox page, never on the merchant's return_url.
  const returnUrl = handling === 'modal' ? `${api.origin}${THREE_DS_RETURN_PATH}` : request.returnUrl;
  const confirmed = await api.request<Intent>('POST', `${intentPath(ref)}/confirm`, {
    ...params,
    client_secret: ref.secret,
    payment_method: paymentMethodId,
    return_url: returnUrl,
  });
  if (!confirmed.ok) return errorWithIntent(api, ref, confirmed.error);
  return settleIntent(api, request, confirmed.body);
}
