// Checks a sandbox response against Stripe's own published sample object for its resource
// (../shared/stripe-openapi/fixtures3.json): same top-level fields, same JSON types, right `object`.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// CI clones the repository next to a copy of shared/, so the path is relative to the repository.
const FIXTURES_PATH = resolve(repoRoot, '..', 'shared', 'stripe-openapi', 'fixtures3.json');

type JsonObject = Record<string, unknown>;
let samples: Record<string, JsonObject> | undefined;

function loadSamples(): Record<string, JsonObject> {
  samples ??= (JSON.parse(readFileSync(FIXTURES_PATH, 'utf8')) as { resources: Record<string, JsonObject> }).resources;
  return samples;
}

/**
 * Top-level fields the SDK types as nullable (or as an id-or-object) where Stripe's sample happens to
 * hold a value: ours may be null (or a bare id) there. Extend per resource as resources are added.
 */
const NULLABLE: Record<string, string[]> = {
  customer: ['address', 'currency', 'discount', 'shipping'],
  product: ['default_price', 'description', 'package_dimensions', 'url', 'statement_descriptor', 'unit_label', 'tax_code'],
  price: ['custom_unit_amount', 'recurring', 'transform_quantity', 'unit_amount', 'unit_amount_decimal', 'lookup_key', 'nickname'],
  payment_link: [
    'consent_collection',
    'invoice_creation',
    'managed_payments',
    'payment_intent_data',
    'payment_method_options',
    'restrictions',
    'shipping_address_collection',
    'subscription_data',
    'transfer_data',
    'inactive_message',
  ],
  event: [],
  file: ['expires_at', 'url'],
  file_link: ['expires_at'],
  payment_method: ['customer'],
  payment_intent: [
    'automatic_payment_methods',
    'canceled_at',
    'last_payment_error',
    'managed_payments',
    'next_action',
    'payment_method_configuration_details',
    'processing',
    'shipping',
    'transfer_data',
  ],
  charge: ['balance_transaction', 'description', 'source', 'shipping', 'transfer_data', 'payment_method', 'failure_code', 'failure_message'],
  balance_transaction: ['description', 'source'],
  refund: ['charge', 'balance_transaction'],
  webhook_endpoint: ['description'],
  item: ['adjustable_quantity', 'description', 'metadata', 'price'],
  setup_intent: ['last_setup_error', 'next_action', 'payment_method_configuration_details'],
  setup_attempt: ['setup_error'],
  quote: ['from_quote', 'transfer_data'],
  invoice: [
    'customer_address',
    'customer_shipping',
    'due_date',
    'effective_at',
    'ending_balance',
    'from_invoice',
    'last_finalization_error',
    'next_payment_attempt',
    'rendering',
    'shipping_cost',
    'shipping_details',
    'webhooks_delivered_at',
    'parent',
  ],
  line_item: ['parent', 'pricing'],
  credit_note: ['customer_balance_transaction', 'effective_at', 'out_of_band_amount', 'shipping_cost', 'memo', 'voided_at'],
  subscription: [
    'billing_cycle_anchor_config',
    'cancel_at',
    'canceled_at',
    'ended_at',
    'next_pending_invoice_item_invoice',
    'pause_collection',
    'pending_invoice_item_interval',
    'pending_update',
    'transfer_data',
    'trial_end',
    'trial_start',
    'managed_payments',
    'latest_invoice',
    'billing_thresholds',
  ],
  subscription_item: ['billing_thresholds'],
  credit_note_line_item: ['quantity'],
  // quantity_decimal: the SDK reads the decimal string into a Decimal object, as for prices.
  invoiceitem: ['parent', 'quantity_decimal'],
  customer_balance_transaction: ['credit_note', 'invoice'],
};

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function problemsOf(value: unknown, where: string): string[] {
  if (jsonType(value) !== 'object') return [`${where}: expected a Stripe object, got ${jsonType(value)}`];
  const object = value as JsonObject;
  const kind = object.object;
  if (typeof kind !== 'string') return [`${where}: has no string \`object\` field`];
  if (kind === 'list' || kind === 'search_result') {
    if (!Array.isArray(object.data)) return [`${where}: ${kind} without a data array`];
    return object.data.flatMap((item, index) => problemsOf(item, `${where}.data[${index}]`));
  }
  const sample = loadSamples()[kind];
  if (!sample) return [`${where}: Stripe publishes no sample for object '${kind}'`];
  // A deleted stub is `{id, object, deleted: true}` in Stripe too.
  if (object.deleted === true) return typeof object.id === 'string' ? [] : [`${where}: deleted stub without an id`];
  const problems: string[] = [];
  const nullable = new Set(NULLABLE[kind] ?? []);
  for (const [field, expected] of Object.entries(sample)) {
    if (!(field in object)) {
      problems.push(`${where}.${field}: missing (Stripe's ${kind} has it)`);
      continue;
    }
    const actual = object[field];
    const expectedType = jsonType(expected);
    const actualType = jsonType(actual);
    if (expectedType === 'null' || expectedType === actualType) continue;
    if (actualType === 'null' && nullable.has(field)) continue;
    // An expandable field is an id or, expanded, the object: both are what the SDK types allow.
    if (nullable.has(field) && (actualType === 'string' || actualType === 'object') && (expectedType === 'string' || expectedType === 'object')) continue;
    problems.push(`${where}.${field}: ${actualType}, but Stripe's ${kind} has ${expectedType}`);
  }
  return problems;
}

/** Throws (failing the test) with every difference from Stripe's sample for the object's resource. */
export function expectStripeShape(value: unknown, expectedObject?: string): void {
  const problems = problemsOf(value, 'response');
  const kind = jsonType(value) === 'object' ? (value as JsonObject).object : undefined;
  if (expectedObject && kind !== expectedObject) problems.unshift(`response.object: '${String(kind)}', expected '${expectedObject}'`);
  if (problems.length > 0) throw new Error(`Not shaped like Stripe's sample:\n  ${problems.join('\n  ')}`);
}
