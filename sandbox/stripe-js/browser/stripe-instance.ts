// The object `Stripe(publishableKey)` returns: the methods @stripe/stripe-js and
// @stripe/react-stripe-js call, each reading its arguments as Stripe.js does.
import { ApiClient } from './api-client';
import { confirmIntent, createCardPaymentMethod, settleIntent, type ActionHandling } from './confirm';
import type { SandboxElement } from './element';
import { ElementsGroup, groupOf, isElementsGroup, isSandboxElement, type CardDetails, type CollectedCard } from './elements-group';
import { intentResult, parseClientSecret, retrieveIntent, type IntentKind, type IntentResult } from './intents';
import { IntegrationError, isRecord, readOptions, type Options, type PaymentMethod, type StripeJsError } from './types';

function collectFrom(element: SandboxElement): CollectedCard {
  const group = groupOf(element);
  if (!group) throw new IntegrationError('Invalid value for card: the Element was not created by this Stripe instance.');
  return group.collectCard(element);
}

/** The Element behind `{elements}`; deferred groups must have been submitted first, as Stripe.js requires. */
function elementOfGroup(group: ElementsGroup, method: string): SandboxElement {
  if (group.isDeferred && !group.wasSubmitted) {
    throw new IntegrationError(`elements.submit() must be called before stripe.${method}(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work.`);
  }
  const element = group.primaryElement();
  if (!element) throw new IntegrationError(`stripe.${method}(): the elements group has no mounted Payment Element.`);
  return element;
}

type PaymentMethodSource = string | { card: CardDetails; billingDetails?: unknown } | undefined;

interface ConfirmWithElementsOptions {
  method: 'confirmPayment' | 'confirmSetup';
  kind: IntentKind;
  options: Options;
}

export function createStripe(api: ApiClient, stripeOptions: Options) {
  const wrappers: unknown[] = [];

  const elements = (options?: unknown): ElementsGroup => new ElementsGroup(readOptions(options));

  async function confirmWithElements({ method, kind, options }: ConfirmWithElementsOptions): Promise<IntentResult> {
    const group = isElementsGroup(options.elements) ? options.elements : undefined;
    const secret = options.clientSecret ?? group?.clientSecret;
    const ref = parseClientSecret(secret, `stripe.${method}`, kind);
    const redirect = options.redirect === 'if_required' ? 'if_required' : 'always';
    const confirmParams = readOptions(options.confirmParams);
    const { return_url: returnUrl, payment_method_data: paymentMethodData, payment_method: paymentMethod, ...params } = confirmParams;
    if (redirect === 'always' && typeof returnUrl !== 'string') {
      throw new IntegrationError(`stripe.${method}(): the \`confirmParams.return_url\` argument is required unless passing \`redirect: 'if_required'\``);
    }
    let source: PaymentMethodSource;
    if (typeof paymentMethod === 'string') {
      source = paymentMethod;
    } else if (group) {
      const element = elementOfGroup(group, method);
      const collected = group.collectCard(element);
      if (!collected.ok) return { error: collected.error };
      source = { card: collected.card, billingDetails: readOptions(paymentMethodData).billing_details };
    }
    return confirmIntent(api, {
      ref,
      paymentMethod: source,
      params,
      handling: redirect === 'always' ? 'redirect' : 'modal',
      returnUrl: typeof returnUrl === 'string' ? returnUrl : undefined,
      redirectOnSuccess: redirect === 'always',
    });
  }

  /** confirmCardPayment / confirmCardSetup: `data.payment_method` is an id, `{card: element, billing_details}` or absent. */
  async function confirmCard(kind: IntentKind, method: string, secret: unknown, data: unknown, options: unknown): Promise<IntentResult> {
    const ref = parseClientSecret(secret, `stripe.${method}`, kind);
    const { payment_method: paymentMethod, return_url: returnUrl, ...params } = readOptions(data);
    const handling: ActionHandling = readOptions(options).handleActions === false ? 'none' : 'modal';
    let source: PaymentMethodSource;
    if (typeof paymentMethod === 'string') {
      source = paymentMethod;
    } else if (isRecord(paymentMethod)) {
      if (!isSandboxElement(paymentMethod.card)) throw new IntegrationError(`Invalid value for ${method}: payment_method.card should be a card Element.`);
      const collected = collectFrom(paymentMethod.card);
      if (!collected.ok) return { error: collected.error };
      source = { card: collected.card, billingDetails: paymentMethod.billing_details };
    }
    return confirmIntent(api, {
      ref,
      paymentMethod: source,
      params,
      handling,
      returnUrl: typeof returnUrl === 'string' ? returnUrl : undefined,
      redirectOnSuccess: false,
    });
  }

  async function retrieve(kind: IntentKind, method: string, secret: unknown): Promise<IntentResult> {
    const ref = parseClientSecret(secret, `stripe.${method}`, kind);
    const result = await retrieveIntent(api, ref);
    return result.ok ? intentResult(result.intent) : { error: result.error };
  }

  async function createPaymentMethod(input: unknown): Promise<{ paymentMethod: PaymentMethod } | { error: StripeJsError }> {
    const options = readOptions(input);
    let collected: CollectedCard;
    let billingDetails: unknown;
    if (isElementsGroup(options.elements)) {
      collected = options.elements.collectCard(elementOfGroup(options.elements, 'createPaymentMethod'));
      billingDetails = readOptions(options.params).billing_details;
    } else if (isSandboxElement(options.element)) {
      collected = collectFrom(options.element);
      billingDetails = readOptions(options.params).billing_details;
    } else if (options.type === 'card' && isSandboxElement(options.card)) {
      collected = collectFrom(options.card);
      billingDetails = options.billing_details;
    } else {
      throw new IntegrationError('stripe.createPaymentMethod(): the sandbox supports {type: "card", card: element}, {element} and {elements}.');
    }
    if (!collected.ok) return { error: collected.error };
    const extra = isRecord(options.metadata) ? { metadata: options.metadata } : {};
    const created = await createCardPaymentMethod(api, collected.card, billingDetails, extra);
    return created.ok ? { paymentMethod: created.paymentMethod } : { error: created.error };
  }

  /** Tokens go to `POST /v1/tokens`; until the sandbox serves it this resolves the API's error. */
  async function createToken(element: unknown, data?: unknown): Promise<{ token: unknown } | { error: StripeJsError }> {
    if (!isSandboxElement(element)) throw new IntegrationError('stripe.createToken(): the sandbox supports card Elements only.');
    const collected = collectFrom(element);
    if (!collected.ok) return { error: collected.error };
    const { postalCode, ...card } = collected.card;
    const extra = readOptions(data);
    const result = await api.request<Record<string, unknown>>('POST', '/v1/tokens', { card: { ...card, address_zip: postalCode, ...extra } });
    return result.ok ? { token: result.body } : { error: result.error };
  }

  async function handleNextAction(input: unknown): Promise<IntentResult> {
    const secret = readOptions(input).clientSecret;
    const ref = parseClientSecret(secret, 'stripe.handleNextAction');
    const current = await retrieveIntent(api, ref);
    if (!current.ok) return { error: current.error };
    if (current.intent.status !== 'requires_action') {
      throw new IntegrationError(`handleNextAction: The ${ref.kind === 'setup_intent' ? 'SetupIntent' : 'PaymentIntent'} supplied does not have a next action to handle (status: ${current.intent.status}).`);
    }
    return settleIntent(api, { ref, params: {}, handling: 'modal', redirectOnSuccess: false }, current.intent);
  }

  return {
    elements,
    confirmPayment: (options: unknown) => confirmWithElements({ method: 'confirmPayment', kind: 'payment_intent', options: readOptions(options) }),
    confirmSetup: (options: unknown) => confirmWithElements({ method: 'confirmSetup', kind: 'setup_intent', options: readOptions(options) }),
    confirmCardPayment: (secret: unknown, data?: unknown, options?: unknown) => confirmCard('payment_intent', 'confirmCardPayment', secret, data, options),
    confirmCardSetup: (secret: unknown, data?: unknown, options?: unknown) => confirmCard('setup_intent', 'confirmCardSetup', secret, data, options),
    handleCardAction: (secret: unknown) => handleNextAction({ clientSecret: secret }),
    handleNextAction,
    retrievePaymentIntent: (secret: unknown) => retrieve('payment_intent', 'retrievePaymentIntent', secret),
    retrieveSetupIntent: (secret: unknown) => retrieve('setup_intent', 'retrieveSetupIntent', secret),
    createPaymentMethod,
    createToken,
    /** @stripe/stripe-js and react-stripe-js report themselves here; kept for inspection only. */
    _registerWrapper: (wrapper: unknown) => {
      wrappers.push(wrapper);
    },
    registerAppInfo: (info: unknown) => {
      wrappers.push(info);
    },
    /** Not Stripe's: lets tests see the options the instance was created with. */
    _sandbox: { options: stripeOptions, wrappers },
  };
}
