// Billing parameters the SDK's newer types accept that the 2023 spec lacks (invoices, invoice items,
// quotes, subscriptions, credit notes); merged by params/sdk-overrides.ts.
import type { ParamSchema } from '../params/param-schema';

const text: ParamSchema = { t: 'string', max: 5000 };
const anything: ParamSchema = { t: 'any' };
const created: ParamSchema = {
  t: 'anyOf',
  of: [{ t: 'object', props: { gt: { t: 'integer' }, gte: { t: 'integer' }, lt: { t: 'integer' }, lte: { t: 'integer' } } }, { t: 'integer' }],
};
const invoiceExtras: Record<string, ParamSchema> = {
  automatically_finalizes_at: { t: 'integer' },
  issuer: anything,
  number: { t: 'string', max: 26, empty: true },
  rendering: anything,
};
const creditNoteExtras: Record<string, ParamSchema> = {
  email_type: { t: 'string', enum: ['credit_note', 'none'] },
  refunds: { t: 'array', items: { t: 'object', props: { amount_refunded: { t: 'integer' }, refund: text } } },
};

export const BILLING_PARAM_OVERRIDES: Record<string, Record<string, ParamSchema>> = {
  'POST /v1/invoices': { ...invoiceExtras, customer_account: text },
  'POST /v1/invoices/{invoice}': invoiceExtras,
  'GET /v1/invoices': { customer_account: text },
  'POST /v1/invoiceitems': { customer_account: text, pricing: { t: 'object', props: { price: text } }, quantity_decimal: { t: 'string' } },
  'POST /v1/quotes': { customer_account: text },
  'POST /v1/quotes/{quote}': { customer_account: text },
  'GET /v1/quotes': { customer_account: text },
  'GET /v1/subscriptions': { customer_account: text, plan: text },
  'POST /v1/credit_notes': creditNoteExtras,
  'GET /v1/credit_notes/preview': creditNoteExtras,
  'GET /v1/credit_notes/preview/lines': creditNoteExtras,
  'GET /v1/credit_notes': { created, customer_account: text },
};
