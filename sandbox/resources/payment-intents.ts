// PaymentIntents: create (optionally confirming), retrieve, update, confirm, capture, cancel, list and
// search; the state machine itself lives in payment-intent-flow.ts.
import type Stripe from 'stripe';
import { recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { checkPaymentAmount, readCurrency } from '../core/money';
import { unexpectedState } from '../core/payment-errors';
import { readBoolean, readInteger, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { search } from '../core/search';
import { findOr404 } from '../core/crud';
import { invalidRequest, parameterMissing, resourceMissing } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import { newId, nowSeconds, randomAlphanumeric } from '../store/ids';
import { checkConnectParties } from './connect-charges';
import { applyIntentFields, checkConnectAmounts, checkPaymentMethodTypeParams, readPaymentMethod } from './payment-intent-params';
import { findPaymentMethod } from './payment-methods';
import { cancelIntent, captureIntent, checkConfirmable, checkReturnUrl, runConfirmation } from './payment-intent-flow';

type Intent = Stripe.PaymentIntent;

function findIntent(context: RequestContext): Intent {
  const id = context.pathParams.intent!;
  const found = context.account.get('payment_intent', id);
  if (!found) throw resourceMissing('payment_intent', id, 'intent');
  return found;
}

/** A new PaymentIntent with Stripe's defaults for this API version, before any request parameter applies. */
export function blankIntent(amount: number, currency: string): Intent {
  const id = newId('pi');
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    // API versions since 2023-08-16 turn automatic payment methods on when no types are given.
    automatic_payment_methods: { enabled: true },
    canceled_at: null,
    cancellation_reason: null,
    // The default since API version 2024-04-10.
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${randomAlphanumeric(25)}`,
    confirmation_method: 'automatic',
    created: nowSeconds(),
    currency,
    customer: null,
    customer_account: null,
    description: null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

/**
 * Confirms `before` (the stored intent) with this request's confirm parameters. `fromCreate` carries the
 * payment method create already resolved, so a magic id is not turned into a second PaymentMethod.
 */
function confirm(context: RequestContext, before: Intent, fromCreate?: { paymentMethod: Stripe.PaymentMethod | undefined }): Intent {
  checkConfirmable(before);
  const { params } = context;
  checkPaymentMethodTypeParams(params);
  const chosen = fromCreate ? fromCreate.paymentMethod : readPaymentMethod(context);
  const withFields = applyIntentFields(before, params);
  const intent: Intent = { ...withFields, payment_method: chosen?.id ?? withFields.payment_method };
  if (typeof intent.payment_method !== 'string') {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      before,
    );
  }
  const paymentMethod = chosen ?? findPaymentMethod(context.account, intent.payment_method, 'payment_method');
  const returnUrl = readString(params, 'return_url') ?? null;
  checkReturnUrl(intent, returnUrl);
  const offSession = readBoolean(params, 'off_session') ?? typeof params.off_session === 'string';
  const errorOnRequiresAction = readBoolean(params, 'error_on_requires_action') ?? false;
  return runConfirmation(context, before, intent, { paymentMethod, offSession, returnUrl, errorOnRequiresAction });
}

function create(context: RequestContext): Intent {
  const { params, account } = context;
  checkPaymentMethodTypeParams(params);
  const amount = readInteger(params, 'amount');
  const rawCurrency = readString(params, 'currency');
  if (amount === undefined) throw parameterMissing('amount');
  if (!rawCurrency) throw parameterMissing('currency');
  const currency = readCurrency(rawCurrency);
  checkPaymentAmount(amount, currency);
  const customer = readString(params, 'customer');
  if (customer) findOr404(account, 'customer', customer, 'customer');
  const wantsConfirm = readBoolean(params, 'confirm') ?? false;
  if (!wantsConfirm && readString(params, 'return_url')) {
    throw invalidRequest('You can only pass in `return_url` when `confirm` is set to true.', { param: 'return_url' });
  }
  const paymentMethod = readPaymentMethod(context);
  const intent: Intent = {
    ...applyIntentFields(blankIntent(amount, currency), params),
    customer: customer ?? null,
    metadata: applyMetadata({}, params),
    confirmation_method: (readString(params, 'confirmation_method') ?? 'automatic') as Intent['confirmation_method'],
    on_behalf_of: readString(params, 'on_behalf_of') ?? null,
    payment_method: paymentMethod?.id ?? null,
    status: paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
  };
  checkConnectAmounts(intent);
  checkConnectParties(account, intent);
  const created = account.put('payment_intent', intent);
  recordEvent(context, 'payment_intent.created', created);
  return wantsConfirm ? confirm(context, created, { paymentMethod }) : created;
}

/** Fields that can only change before the payment is attempted, as Stripe guards them. */
const PRE_PAYMENT_FIELDS = [
  'amount',
  'currency',
  'payment_method',
  'allowed_payment_method_types',
  'excluded_payment_method_types',
  'capture_method',
  'automatic_payment_methods',
] as const;
const UPDATABLE_STATUSES = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

function update(context: RequestContext, before: Intent): Intent {
  const { params } = context;
  checkPaymentMethodTypeParams(params);
  const locked = !UPDATABLE_STATUSES.includes(before.status);
  for (const field of PRE_PAYMENT_FIELDS) {
    if (locked && field in params) {
      throw unexpectedState(
        `This PaymentIntent's ${field} could not be updated because it has a status of ${before.status}. You may only update the ${field} of a PaymentIntent with one of the following statuses: ${UPDATABLE_STATUSES.join(', ')}.`,
        before,
      );
    }
  }
  const next: Intent = { ...applyIntentFields(before, params), metadata: applyMetadata(before.metadata, params) };
  const amount = readInteger(params, 'amount');
  const rawCurrency = readString(params, 'currency');
  if (rawCurrency) next.currency = readCurrency(rawCurrency);
  if (amount !== undefined) next.amount = amount;
  if (amount !== undefined || rawCurrency) checkPaymentAmount(next.amount, next.currency);
  const customer = readString(params, 'customer');
  if (customer) {
    findOr404(context.account, 'customer', customer, 'customer');
    next.customer = customer;
  }
  const paymentMethod = readPaymentMethod(context);
  if (paymentMethod) {
    // A new payment method means the customer has to confirm again.
    next.payment_method = paymentMethod.id;
    next.status = 'requires_confirmation';
    next.next_action = null;
  }
  checkConnectAmounts(next);
  checkConnectParties(context.account, next);
  // Stripe has no payment_intent.updated event.
  return context.account.put('payment_intent', next);
}

function retrieve(context: RequestContext): Intent {
  const intent = findIntent(context);
  const clientSecret = readString(context.params, 'client_secret');
  if (clientSecret !== undefined && clientSecret !== intent.client_secret) {
    throw invalidRequest('The client_secret provided does not match the client_secret associated with the PaymentIntent.', { param: 'client_secret' });
  }
  return intent;
}

export const paymentIntents: ResourceModule = {
  expandable: {
    payment_intent: { customer: 'customer', latest_charge: 'charge', payment_method: 'payment_method', 'last_payment_error.charge': 'charge' },
  },
  routes: [
    { operation: 'POST /v1/payment_intents', handle: create },
    { operation: 'GET /v1/payment_intents/{intent}', handle: retrieve },
    { operation: 'POST /v1/payment_intents/{intent}', handle: (context) => update(context, findIntent(context)) },
    { operation: 'POST /v1/payment_intents/{intent}/confirm', handle: (context) => confirm(context, findIntent(context)) },
    {
      operation: 'POST /v1/payment_intents/{intent}/capture',
      handle(context) {
        const before = findIntent(context);
        return captureIntent(context, before, {
          amountToCapture: readInteger(context.params, 'amount_to_capture'),
          applicationFeeAmount: readInteger(context.params, 'application_fee_amount'),
          metadata: applyMetadata(before.metadata, context.params),
        });
      },
    },
    {
      operation: 'POST /v1/payment_intents/{intent}/cancel',
      handle(context) {
        const reason = readString(context.params, 'cancellation_reason') as Intent['cancellation_reason'] | undefined;
        return cancelIntent(context, findIntent(context), reason ?? null);
      },
    },
    {
      operation: 'GET /v1/payment_intents',
      handle(context) {
        const customer = readString(context.params, 'customer');
        return paginate(context, context.account.all('payment_intent'), {
          noun: 'payment_intent',
          filter: customer === undefined ? undefined : (intent) => intent.customer === customer,
        });
      },
    },
    {
      operation: 'GET /v1/payment_intents/search',
      handle: (context) =>
        search(context, context.account.all('payment_intent'), {
          resource: 'payment_intents',
          fields: {
            amount: (intent) => intent.amount,
            created: (intent) => intent.created,
            currency: (intent) => intent.currency,
            customer: (intent) => (typeof intent.customer === 'string' ? intent.customer : (intent.customer?.id ?? null)),
            status: (intent) => intent.status,
          },
          metadata: (intent) => intent.metadata,
        }),
    },
  ],
};
