// SetupIntents (create, optionally confirming; retrieve, update, confirm, cancel, list), their SetupAttempts
// (list by setup_intent) and Mandates (retrieve; cards outside India create none, so every id is unknown).
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { has, readBoolean, readNullableString, readObject, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import type { RequestContext } from '../http/route';
import { invalidRequest, resourceMissing } from '../http/stripe-error';
import type { ParamObject } from '../params/validate-params';
import { newId, nowSeconds, randomAlphanumeric } from '../store/ids';
import { checkPaymentMethodTypeParams, readPaymentMethod } from './payment-intent-params';
import { findPaymentMethod } from './payment-methods';
import { cancelSetupIntent, checkSetupConfirmable, checkSetupReturnUrl, runSetup, setupUnexpectedState } from './setup-intent-flow';

type SetupIntent = Stripe.SetupIntent;

function findSetupIntent(context: RequestContext): SetupIntent {
  const id = context.pathParams.intent!;
  const found = context.account.get('setup_intent', id);
  if (!found) throw resourceMissing('setup_intent', id, 'intent');
  return found;
}

function blankSetupIntent(): SetupIntent {
  const id = newId('seti');
  return {
    id,
    object: 'setup_intent',
    allowed_payment_method_types: null,
    application: null,
    // API versions since 2023-08-16 turn automatic payment methods on when no types are given.
    automatic_payment_methods: { allow_redirects: 'always', enabled: true },
    cancellation_reason: null,
    client_secret: `${id}_secret_${randomAlphanumeric(25)}`,
    created: nowSeconds(),
    customer: null,
    customer_account: null,
    description: null,
    excluded_payment_method_types: null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
    payment_method_types: ['card'],
    single_use_mandate: null,
    status: 'requires_payment_method',
    usage: 'off_session',
  };
}

function readAutomaticPaymentMethods(params: ParamObject): SetupIntent['automatic_payment_methods'] | undefined {
  const value = readObject(params, 'automatic_payment_methods');
  if (!value) return undefined;
  const enabled = readBoolean(value, 'enabled') ?? false;
  const allowRedirects = readString(value, 'allow_redirects') as Stripe.SetupIntent.AutomaticPaymentMethods.AllowRedirects | undefined;
  return enabled ? { enabled, allow_redirects: allowRedirects ?? 'always' } : { enabled };
}

function readCustomer(context: RequestContext): string | undefined {
  const customer = readString(context.params, 'customer');
  if (customer) findOr404(context.account, 'customer', customer, 'customer');
  return customer;
}

function confirm(context: RequestContext, before: SetupIntent, fromCreate?: { paymentMethod: Stripe.PaymentMethod | undefined }): SetupIntent {
  checkSetupConfirmable(before);
  const chosen = fromCreate ? fromCreate.paymentMethod : readPaymentMethod(context);
  const intent: SetupIntent = { ...before, payment_method: chosen?.id ?? before.payment_method };
  if (typeof intent.payment_method !== 'string') {
    throw setupUnexpectedState(
      "You cannot confirm this SetupIntent because it's missing a payment method. You can either update the SetupIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      before,
    );
  }
  const paymentMethod = chosen ?? findPaymentMethod(context.account, intent.payment_method, 'payment_method');
  const returnUrl = readString(context.params, 'return_url') ?? null;
  checkSetupReturnUrl(intent, returnUrl);
  return runSetup(context, before, intent, { paymentMethod, returnUrl });
}

function create(context: RequestContext): SetupIntent {
  const { params, account } = context;
  checkPaymentMethodTypeParams(params);
  const customer = readCustomer(context);
  const wantsConfirm = readBoolean(params, 'confirm') ?? false;
  if (!wantsConfirm && readString(params, 'return_url')) {
    throw invalidRequest('You can only pass in `return_url` when `confirm` is set to true.', { param: 'return_url' });
  }
  const paymentMethod = readPaymentMethod(context);
  const blank = blankSetupIntent();
  const intent: SetupIntent = {
    ...blank,
    automatic_payment_methods: readAutomaticPaymentMethods(params) ?? blank.automatic_payment_methods,
    customer: customer ?? null,
    description: readString(params, 'description') ?? null,
    metadata: applyMetadata({}, params),
    on_behalf_of: readString(params, 'on_behalf_of') ?? null,
    payment_method: paymentMethod?.id ?? null,
    status: paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    usage: readString(params, 'usage') ?? 'off_session',
  };
  const created = account.put('setup_intent', intent);
  recordEvent(context, 'setup_intent.created', created);
  return wantsConfirm ? confirm(context, created, { paymentMethod }) : created;
}

const UPDATABLE_STATUSES = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

function update(context: RequestContext, before: SetupIntent): SetupIntent {
  const { params } = context;
  checkPaymentMethodTypeParams(params);
  if (!UPDATABLE_STATUSES.includes(before.status) && (has(params, 'payment_method') || has(params, 'customer'))) {
    throw setupUnexpectedState(
      `You cannot update this SetupIntent because it has a status of ${before.status}. You may only update a SetupIntent with one of the following statuses: ${UPDATABLE_STATUSES.join(', ')}.`,
      before,
    );
  }
  const next: SetupIntent = { ...before, metadata: applyMetadata(before.metadata ?? {}, params) };
  const description = readNullableString(params, 'description');
  if (description !== undefined) next.description = description;
  const customer = readCustomer(context);
  if (customer) next.customer = customer;
  const paymentMethod = readPaymentMethod(context);
  if (paymentMethod) {
    // A new payment method has to be confirmed again.
    next.payment_method = paymentMethod.id;
    next.status = 'requires_confirmation';
    next.next_action = null;
  }
  // Stripe has no setup_intent.updated event.
  return context.account.put('setup_intent', next);
}

function retrieve(context: RequestContext): SetupIntent {
  const intent = findSetupIntent(context);
  const clientSecret = readString(context.params, 'client_secret');
  if (clientSecret !== undefined && clientSecret !== intent.client_secret) {
    throw invalidRequest('The client_secret provided does not match the client_secret associated with the SetupIntent.', {
      code: 'setup_intent_invalid_parameter',
      param: 'client_secret',
    });
  }
  return intent;
}

export const setupIntents: ResourceModule = {
  expandable: {
    setup_intent: { customer: 'customer', payment_method: 'payment_method', latest_attempt: 'setup_attempt' },
    setup_attempt: { payment_method: 'payment_method', setup_intent: 'setup_intent', customer: 'customer' },
  },
  routes: [
    { operation: 'POST /v1/setup_intents', handle: create },
    { operation: 'GET /v1/setup_intents/{intent}', handle: retrieve },
    { operation: 'POST /v1/setup_intents/{intent}', handle: (context) => update(context, findSetupIntent(context)) },
    { operation: 'POST /v1/setup_intents/{intent}/confirm', handle: (context) => confirm(context, findSetupIntent(context)) },
    {
      operation: 'POST /v1/setup_intents/{intent}/cancel',
      handle(context) {
        const reason = readString(context.params, 'cancellation_reason') as SetupIntent['cancellation_reason'] | undefined;
        return cancelSetupIntent(context, findSetupIntent(context), reason ?? null);
      },
    },
    {
      operation: 'GET /v1/setup_intents',
      handle(context) {
        const customer = readString(context.params, 'customer');
        const paymentMethod = readString(context.params, 'payment_method');
        return paginate(context, context.account.all('setup_intent'), {
          noun: 'setup_intent',
          filter: (intent) => (customer === undefined || intent.customer === customer) && (paymentMethod === undefined || intent.payment_method === paymentMethod),
        });
      },
    },
    {
      // `setup_intent` is required by the parameter table (400 parameter_missing without it).
      operation: 'GET /v1/setup_attempts',
      handle(context) {
        const setupIntent = readString(context.params, 'setup_intent')!;
        return paginate(context, context.account.all('setup_attempt'), { noun: 'setup_attempt', filter: (attempt) => attempt.setup_intent === setupIntent });
      },
    },
    {
      // Card SetupIntents create mandates only for India-issued cards, which the sandbox has none of.
      operation: 'GET /v1/mandates/{mandate}',
      handle(context) {
        throw resourceMissing('mandate', context.pathParams.mandate!, 'mandate');
      },
    },
  ],
};
