// Parameters the SDK's newer types accept that the 2023 spec lacks; merged over endpoint-params.json.
// `npx tsx sandbox/scripts/extract-params.ts` prints any SDK parameter still missing from both.
import { DISPUTE_UPDATE_PARAM_OVERRIDES } from '../resources/dispute-params';
import { BILLING_PARAM_OVERRIDES } from '../resources/invoice-params';
import { CONNECT_PARAM_OVERRIDES } from '../resources/connect-params';
import { WEBHOOK_ENDPOINT_PARAM_OVERRIDES } from '../webhooks/param-overrides';
import type { ObjectSchema, ParamSchema } from './param-schema';

const text: ParamSchema = { t: 'string', max: 5000 };
const unsettableText: ParamSchema = { t: 'string', max: 5000, empty: true };
const anything: ParamSchema = { t: 'any' };
const customerExtras: Record<string, ParamSchema> = {
  business_name: unsettableText,
  individual_name: unsettableText,
  validate: { t: 'boolean' },
};
const productExtras: Record<string, ParamSchema> = {
  marketing_features: { t: 'array', items: { t: 'object', props: { name: text }, required: ['name'] } },
  tax_details: anything,
};
const paymentLinkExtras: Record<string, ParamSchema> = {
  inactive_message: unsettableText,
  managed_payments: anything,
  name_collection: anything,
  optional_items: anything,
  payment_method_options: anything,
  restrictions: anything,
};

const paymentIntentExtras: Record<string, ParamSchema> = {
  allowed_payment_method_types: { t: 'array', items: text },
  amount_details: anything,
  excluded_payment_method_types: { t: 'array', items: text, empty: true },
  hooks: anything,
  payment_details: anything,
  payment_method_configuration: text,
};
const allowRedisplay: ParamSchema = { t: 'string', enum: ['always', 'limited', 'unspecified'] };

export const SDK_PARAM_OVERRIDES: Record<string, Record<string, ParamSchema>> = {
  ...WEBHOOK_ENDPOINT_PARAM_OVERRIDES,
  ...CONNECT_PARAM_OVERRIDES,
  ...BILLING_PARAM_OVERRIDES,
  'POST /v1/disputes/{dispute}': DISPUTE_UPDATE_PARAM_OVERRIDES,
  'POST /v1/customers': customerExtras,
  'POST /v1/customers/{customer}': customerExtras,
  'POST /v1/products': { ...productExtras, type: { t: 'string', enum: ['good', 'service'] } },
  'POST /v1/products/{id}': productExtras,
  'POST /v1/payment_links': paymentLinkExtras,
  'POST /v1/payment_intents': { ...paymentIntentExtras, confirmation_token: text },
  'POST /v1/payment_intents/{intent}': paymentIntentExtras,
  'POST /v1/payment_intents/{intent}/confirm': { ...paymentIntentExtras, confirmation_token: text, amount_to_confirm: { t: 'integer' } },
  'POST /v1/payment_intents/{intent}/capture': { amount_details: anything, final_capture: { t: 'boolean' }, hooks: anything, payment_details: anything },
  'POST /v1/payment_methods': { allow_redisplay: allowRedisplay },
  'POST /v1/payment_methods/{payment_method}': { allow_redisplay: allowRedisplay },
  'GET /v1/payment_methods': { allow_redisplay: allowRedisplay },
  'GET /v1/customers/{customer}/payment_methods': { allow_redisplay: allowRedisplay },
  'POST /v1/payment_links/{payment_link}': {
    ...paymentLinkExtras,
    application_fee_amount: { t: 'integer' },
    application_fee_percent: { t: 'number' },
    consent_collection: anything,
    on_behalf_of: unsettableText,
    payment_intent_data: anything,
    phone_number_collection: anything,
    shipping_options: anything,
    submit_type: { t: 'string', enum: ['auto', 'book', 'donate', 'pay', 'subscribe'] },
    subscription_data: anything,
    tax_id_collection: anything,
    transfer_data: anything,
  },
};

/** The spec table with the overrides applied (overrides win). */
export function applyOverrides(table: Record<string, ObjectSchema>): Record<string, ObjectSchema> {
  const merged: Record<string, ObjectSchema> = {};
  for (const [operation, schema] of Object.entries(table)) {
    merged[operation] = { ...schema, props: { ...schema.props, ...SDK_PARAM_OVERRIDES[operation] } };
  }
  return merged;
}
