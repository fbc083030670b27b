// PaymentMethods (cards): create from test numbers, magic `pm_card_…` ids, retrieve, update, attach,
// detach, and list by customer and type.
import type Stripe from 'stripe';
import { behaviourOf, buildCardPaymentMethodFromParams, buildFromMagicId, saveAttachment } from '../core/card-payment-methods';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { readInteger, readObject, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { buildAddress } from '../core/shapes';
import type { RequestContext } from '../http/route';
import { invalidRequest, parameterMissing, resourceMissing, StripeApiError } from '../http/stripe-error';
import type { Account } from '../store/account';

/** Stripe's noun in "No such PaymentMethod: 'pm_…'". */
const NOUN = 'PaymentMethod';

/**
 * The stored PaymentMethod an id names; a magic test id becomes a new stored `pm_…` (as Stripe does,
 * so each use is its own object).
 */
export function resolvePaymentMethod(context: RequestContext, id: string, param: string): Stripe.PaymentMethod {
  const stored = context.account.get('payment_method', id);
  if (stored) return stored;
  const fresh = buildFromMagicId(id);
  if (!fresh) throw resourceMissing(NOUN, id, param);
  return context.account.put('payment_method', fresh);
}

function attach(context: RequestContext, paymentMethod: Stripe.PaymentMethod, customerId: string): Stripe.PaymentMethod {
  findOr404(context.account, 'customer', customerId, 'customer');
  if (paymentMethod.customer === customerId) return paymentMethod;
  if (paymentMethod.customer) throw invalidRequest('The payment method you provided has already been attached to a customer.');
  // Attaching verifies the card with the issuer, so cards that always decline fail here already.
  const behaviour = behaviourOf(paymentMethod);
  if (behaviour.kind === 'decline' && behaviour.attachFails) {
    const { decline } = behaviour;
    throw new StripeApiError(402, {
      type: 'card_error',
      code: decline.code,
      decline_code: decline.declineCode,
      message: decline.message,
      ...(decline.param ? { param: decline.param } : {}),
    });
  }
  return saveAttachment(context, paymentMethod, customerId);
}

function update(context: RequestContext, before: Stripe.PaymentMethod): Stripe.PaymentMethod {
  const { params } = context;
  const after: Stripe.PaymentMethod = { ...before, metadata: applyMetadata(before.metadata ?? {}, params) };
  const billing = readObject(params, 'billing_details');
  if (billing) {
    after.billing_details = {
      ...before.billing_details,
      ...('address' in billing ? { address: buildAddress(readObject(billing, 'address')) } : {}),
      ...('email' in billing ? { email: readString(billing, 'email') || null } : {}),
      ...('name' in billing ? { name: readString(billing, 'name') || null } : {}),
      ...('phone' in billing ? { phone: readString(billing, 'phone') || null } : {}),
    };
  }
  const card = readObject(params, 'card');
  if (card && before.card) {
    after.card = {
      ...before.card,
      exp_month: readInteger(card, 'exp_month') ?? before.card.exp_month,
      exp_year: readInteger(card, 'exp_year') ?? before.card.exp_year,
    };
  }
  const allowRedisplay = readString(params, 'allow_redisplay');
  if (allowRedisplay) after.allow_redisplay = allowRedisplay as Stripe.PaymentMethod.AllowRedisplay;
  context.account.put('payment_method', after);
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length > 0) recordEvent(context, 'payment_method.updated', after, previous);
  return after;
}

export const paymentMethods: ResourceModule = {
  expandable: { payment_method: { customer: 'customer' } },
  routes: [
    {
      operation: 'POST /v1/payment_methods',
      handle(context) {
        const type = readString(context.params, 'type');
        if (!type) throw parameterMissing('type');
        if (type !== 'card') throw invalidRequest(`The sandbox only creates card PaymentMethods, not \`${type}\`.`, { param: 'type' });
        return context.account.put('payment_method', buildCardPaymentMethodFromParams(context.params));
      },
    },
    {
      operation: 'GET /v1/payment_methods/{payment_method}',
      handle: (context) => findPaymentMethod(context.account, context.pathParams.payment_method!),
    },
    {
      operation: 'POST /v1/payment_methods/{payment_method}',
      handle: (context) => update(context, findPaymentMethod(context.account, context.pathParams.payment_method!)),
    },
    {
      operation: 'POST /v1/payment_methods/{payment_method}/attach',
      handle(context) {
        const customer = readString(context.params, 'customer');
        if (!customer) throw parameterMissing('customer');
        return attach(context, resolvePaymentMethod(context, context.pathParams.payment_method!, 'payment_method'), customer);
      },
    },
    {
      operation: 'POST /v1/payment_methods/{payment_method}/detach',
      handle(context) {
        const before = findPaymentMethod(context.account, context.pathParams.payment_method!);
        if (!before.customer) {
          throw invalidRequest('The payment method you provided is not attached to a customer so detachment is impossible.');
        }
        const after = context.account.put('payment_method', { ...before, customer: null });
        recordEvent(context, 'payment_method.detached', after, previousAttributes(before, after));
        return after;
      },
    },
    {
      operation: 'GET /v1/payment_methods',
      handle(context) {
        const customer = readString(context.params, 'customer');
        const type = readString(context.params, 'type');
        return paginate(context, context.account.all('payment_method'), {
          noun: NOUN,
          filter: (pm) => (customer === undefined || pm.customer === customer) && (type === undefined || pm.type === type),
        });
      },
    },
    {
      operation: 'GET /v1/customers/{customer}/payment_methods',
      handle(context) {
        const customer = findOr404(context.account, 'customer', context.pathParams.customer!, 'customer');
        const type = readString(context.params, 'type');
        return paginate(context, context.account.all('payment_method'), {
          noun: NOUN,
          filter: (pm) => pm.customer === customer.id && (type === undefined || pm.type === type),
        });
      },
    },
  ],
};

export function findPaymentMethod(account: Account, id: string, param = 'id'): Stripe.PaymentMethod {
  const found = account.get('payment_method', id);
  if (!found) throw resourceMissing(NOUN, id, param);
  return found;
}
