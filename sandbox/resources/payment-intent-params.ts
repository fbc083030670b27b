// Reads the PaymentIntent parameters that create, update and confirm share into the SDK's shapes.
import type Stripe from 'stripe';
import { buildCardPaymentMethodFromParams } from '../core/card-payment-methods';
import { buildAddress } from '../core/shapes';
import { has, readBoolean, readInteger, readNullableString, readObject, readString, readStringArray } from '../core/read-params';
import { invalidRequest } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import type { ParamObject } from '../params/validate-params';
import { resolvePaymentMethod } from './payment-methods';

type Intent = Stripe.PaymentIntent;

/** The payment method types the sandbox can take. */
const SANDBOX_TYPES: string[] = ['card'];

/**
 * API version 2026-09-30.endive removed `payment_method_types` as a parameter (400
 * `payment_method_types_no_longer_supported`) and made `allowed_payment_method_types` exclusive with
 * the other ways of choosing types.
 */
export function checkPaymentMethodTypeParams(params: ParamObject): void {
  if (has(params, 'payment_method_types')) {
    throw invalidRequest(
      'The `payment_method_types` parameter is no longer supported on this API version. Use `allowed_payment_method_types`, `excluded_payment_method_types` or dynamic payment methods instead.',
      { code: 'payment_method_types_no_longer_supported', param: 'payment_method_types' },
    );
  }
  if (!has(params, 'allowed_payment_method_types')) return;
  for (const other of ['excluded_payment_method_types', 'automatic_payment_methods', 'payment_method_configuration']) {
    if (has(params, other)) {
      throw invalidRequest(`You cannot specify both \`allowed_payment_method_types\` and \`${other}\`.`, { code: 'parameters_exclusive', param: other });
    }
  }
}

export function readShipping(params: ParamObject): Intent['shipping'] | undefined {
  if (!has(params, 'shipping')) return undefined;
  const value = readObject(params, 'shipping');
  if (!value) return null;
  return {
    address: buildAddress(readObject(value, 'address')),
    carrier: readString(value, 'carrier') ?? null,
    name: readString(value, 'name') ?? '',
    phone: readString(value, 'phone') ?? null,
    tracking_number: readString(value, 'tracking_number') ?? null,
  };
}

/** `payment_method` (an id or magic id) or `payment_method_data` (a card to create), as a stored PaymentMethod. */
export function readPaymentMethod(context: RequestContext): Stripe.PaymentMethod | undefined {
  const { params } = context;
  const id = readString(params, 'payment_method');
  if (id) return resolvePaymentMethod(context, id, 'payment_method');
  const data = readObject(params, 'payment_method_data');
  if (!data) return undefined;
  if (readString(data, 'type') !== 'card') {
    throw invalidRequest('The sandbox only accepts card payment_method_data.', { param: 'payment_method_data[type]' });
  }
  return context.account.put('payment_method', buildCardPaymentMethodFromParams(data));
}

/** The fields create, update and confirm may set, applied over `intent` (no status changes here). */
export function applyIntentFields(intent: Intent, params: ParamObject): Intent {
  const next: Intent = { ...intent };
  for (const key of ['description', 'receipt_email', 'statement_descriptor', 'statement_descriptor_suffix', 'transfer_group'] as const) {
    const value = readNullableString(params, key);
    if (value !== undefined) next[key] = value;
  }
  const setupFutureUsage = readNullableString(params, 'setup_future_usage');
  if (setupFutureUsage !== undefined) next.setup_future_usage = setupFutureUsage as Intent['setup_future_usage'];
  const captureMethod = readString(params, 'capture_method');
  if (captureMethod) next.capture_method = captureMethod as Intent['capture_method'];
  const shipping = readShipping(params);
  if (shipping !== undefined) next.shipping = shipping;
  if (has(params, 'application_fee_amount')) next.application_fee_amount = readInteger(params, 'application_fee_amount') ?? null;
  if (has(params, 'allowed_payment_method_types')) {
    const allowed = readStringArray(params, 'allowed_payment_method_types') as Stripe.PaymentIntent.AllowedPaymentMethodType[];
    next.allowed_payment_method_types = allowed;
    // Stripe silently drops types it cannot offer here; the sandbox offers cards only.
    next.payment_method_types = allowed.filter((type) => SANDBOX_TYPES.includes(type));
    next.automatic_payment_methods = null;
  }
  if (has(params, 'excluded_payment_method_types')) {
    const excluded = readStringArray(params, 'excluded_payment_method_types') as Stripe.PaymentIntent.ExcludedPaymentMethodType[];
    next.excluded_payment_method_types = excluded.length > 0 ? excluded : null;
    next.payment_method_types = SANDBOX_TYPES.filter((type) => !excluded.some((excludedType) => excludedType === type));
  }
  const automatic = readObject(params, 'automatic_payment_methods');
  if (automatic) {
    const enabled = readBoolean(automatic, 'enabled') ?? true;
    const allowRedirects = readString(automatic, 'allow_redirects') as Stripe.PaymentIntent.AutomaticPaymentMethods.AllowRedirects | undefined;
    next.automatic_payment_methods = { enabled, ...(allowRedirects ? { allow_redirects: allowRedirects } : {}) };
  }
  const transfer = readObject(params, 'transfer_data');
  if (transfer) {
    const destination = readString(transfer, 'destination') ?? '';
    const amount = readInteger(transfer, 'amount');
    next.transfer_data = { destination, ...(amount !== undefined ? { amount } : {}) };
  }
  return next;
}

/** Stripe's own limits on the Connect amounts of a payment. */
export function checkConnectAmounts(intent: Intent): void {
  if (intent.application_fee_amount !== null && intent.application_fee_amount > intent.amount) {
    throw invalidRequest(
      `The application fee amount (${intent.application_fee_amount}) cannot be greater than the PaymentIntent amount (${intent.amount}).`,
      { param: 'application_fee_amount' },
    );
  }
  const transferAmount = intent.transfer_data?.amount;
  if (transferAmount !== undefined && transferAmount > intent.amount) {
    throw invalidRequest('The `transfer_data[amount]` must be less than or equal to the PaymentIntent amount.', { param: 'transfer_data[amount]' });
  }
}
