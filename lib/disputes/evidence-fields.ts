// Stripe's dispute evidence fields, grouped as Stripe groups them, with its limits. No 'server-only': the form uses it.
import type Stripe from 'stripe';

export type EvidenceFieldName = Exclude<keyof Stripe.Dispute.Evidence, 'enhanced_evidence'>;

export interface EvidenceField {
  name: EvidenceFieldName;
  label: string;
  kind: 'short' | 'long' | 'file';
}

export interface EvidenceGroup {
  title: string;
  fields: EvidenceField[];
}

/** Stripe's API reference: short texts up to 5,000 characters, explanations up to 20,000, all text together 150,000. */
export const SHORT_TEXT_LIMIT = 5_000;
export const LONG_TEXT_LIMIT = 20_000;
export const EVIDENCE_TEXT_TOTAL_LIMIT = 150_000;

export const EVIDENCE_GROUPS: EvidenceGroup[] = [
  {
    title: 'Product or service',
    fields: [
      { name: 'product_description', label: 'Product or service description', kind: 'long' },
      { name: 'service_date', label: 'Service date', kind: 'short' },
      { name: 'service_documentation', label: 'Service documentation', kind: 'file' },
      { name: 'access_activity_log', label: 'Access or activity log', kind: 'long' },
    ],
  },
  {
    title: 'Customer',
    fields: [
      { name: 'customer_name', label: 'Customer name', kind: 'short' },
      { name: 'customer_email_address', label: 'Customer email address', kind: 'short' },
      { name: 'billing_address', label: 'Billing address', kind: 'short' },
      { name: 'customer_purchase_ip', label: 'Purchase IP address', kind: 'short' },
      { name: 'receipt', label: 'Receipt', kind: 'file' },
      { name: 'customer_communication', label: 'Customer communication', kind: 'file' },
      { name: 'customer_signature', label: 'Customer signature', kind: 'file' },
    ],
  },
  {
    title: 'Shipping',
    fields: [
      { name: 'shipping_address', label: 'Shipping address', kind: 'short' },
      { name: 'shipping_carrier', label: 'Shipping carrier', kind: 'short' },
      { name: 'shipping_date', label: 'Shipping date', kind: 'short' },
      { name: 'shipping_tracking_number', label: 'Tracking number', kind: 'short' },
      { name: 'shipping_documentation', label: 'Shipping documentation', kind: 'file' },
    ],
  },
  {
    title: 'Refund policy',
    fields: [
      { name: 'refund_policy', label: 'Refund policy', kind: 'file' },
      { name: 'refund_policy_disclosure', label: 'How the refund policy was shown', kind: 'long' },
      { name: 'refund_refusal_explanation', label: 'Why no refund is owed', kind: 'long' },
    ],
  },
  {
    title: 'Cancellation',
    fields: [
      { name: 'cancellation_policy', label: 'Cancellation policy', kind: 'file' },
      { name: 'cancellation_policy_disclosure', label: 'How the cancellation policy was shown', kind: 'long' },
      { name: 'cancellation_rebuttal', label: 'Why the subscription was not canceled', kind: 'long' },
    ],
  },
  {
    title: 'Duplicate charge',
    fields: [
      { name: 'duplicate_charge_id', label: 'The other charge (ch_…)', kind: 'short' },
      { name: 'duplicate_charge_explanation', label: 'How the two charges differ', kind: 'long' },
      { name: 'duplicate_charge_documentation', label: 'Documentation of the other charge', kind: 'file' },
    ],
  },
  {
    title: 'Uncategorized',
    fields: [
      { name: 'uncategorized_text', label: 'Other information', kind: 'long' },
      { name: 'uncategorized_file', label: 'Other file', kind: 'file' },
    ],
  },
];

export const EVIDENCE_FIELDS: EvidenceField[] = EVIDENCE_GROUPS.flatMap((group) => group.fields);
export const TEXT_FIELDS = EVIDENCE_FIELDS.filter((field) => field.kind !== 'file');
export const FILE_FIELDS = EVIDENCE_FIELDS.filter((field) => field.kind === 'file');
export const FIELD_LABELS = Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field.name, field.label])) as Record<EvidenceFieldName, string>;

export const isFileField = (name: string): boolean => FILE_FIELDS.some((field) => field.name === name);

/** The plain values of a dispute's evidence: text as is, files as their `file_…` id, empty fields left out. */
export function evidenceValues(evidence: Stripe.Dispute.Evidence): Partial<Record<EvidenceFieldName, string>> {
  const values: Partial<Record<EvidenceFieldName, string>> = {};
  for (const field of EVIDENCE_FIELDS) {
    const value = evidence[field.name];
    const text = typeof value === 'string' ? value : value && typeof value === 'object' && 'id' in value ? value.id : null;
    if (text) values[field.name] = text;
  }
  return values;
}

/** Characters of evidence text, counted as Stripe counts them against its 150,000 limit. */
export function evidenceTextLength(values: Partial<Record<string, string>>): number {
  return TEXT_FIELDS.reduce((sum, field) => sum + (values[field.name]?.length ?? 0), 0);
}
