// Which evidence matters for each dispute reason (after Stripe's "Dispute categories" guide), and what is still missing.
import { FIELD_LABELS, type EvidenceFieldName } from './evidence-fields';

export const DISPUTE_REASON_LABELS: Record<string, string> = {
  bank_cannot_process: 'Bank cannot process',
  check_returned: 'Check returned',
  credit_not_processed: 'Credit not processed',
  customer_initiated: 'Customer initiated',
  debit_not_authorized: 'Debit not authorized',
  duplicate: 'Duplicate',
  fraudulent: 'Fraudulent',
  general: 'General',
  incorrect_account_details: 'Incorrect account details',
  insufficient_funds: 'Insufficient funds',
  noncompliant: 'Noncompliant',
  product_not_received: 'Product not received',
  product_unacceptable: 'Product unacceptable',
  subscription_canceled: 'Subscription canceled',
  unrecognized: 'Unrecognized',
};

export interface ChecklistItem {
  field: EvidenceFieldName;
  label: string;
  /** why this field helps for the dispute's reason */
  why: string;
}

const item = (field: EvidenceFieldName, why: string): ChecklistItem => ({ field, label: FIELD_LABELS[field], why });

const IDENTITY = [
  item('customer_name', 'shows who bought'),
  item('customer_email_address', 'ties the purchase to the cardholder'),
  item('billing_address', 'matches the card’s billing address'),
  item('customer_purchase_ip', 'places the purchase with the cardholder'),
];

const CHECKLISTS: Record<string, ChecklistItem[]> = {
  fraudulent: [
    ...IDENTITY,
    item('receipt', 'proves the sale'),
    item('customer_communication', 'shows the cardholder knew of the purchase'),
    item('shipping_documentation', 'shows delivery to the cardholder’s address'),
    item('access_activity_log', 'shows the cardholder used a digital purchase'),
  ],
  unrecognized: [...IDENTITY, item('receipt', 'reminds the cardholder of the purchase'), item('product_description', 'says what was bought')],
  product_not_received: [
    item('product_description', 'says what was bought'),
    item('shipping_address', 'where it went'),
    item('shipping_carrier', 'who delivered it'),
    item('shipping_tracking_number', 'lets the bank trace the delivery'),
    item('shipping_date', 'when it left'),
    item('shipping_documentation', 'proof of delivery'),
    item('customer_communication', 'shows the customer received it'),
  ],
  product_unacceptable: [
    item('product_description', 'says what was promised'),
    item('customer_communication', 'shows what the customer said about it'),
    item('refund_policy', 'the terms the customer accepted'),
    item('refund_policy_disclosure', 'how the customer saw those terms'),
    item('refund_refusal_explanation', 'why no refund is owed'),
  ],
  subscription_canceled: [
    item('cancellation_policy', 'the terms the customer accepted'),
    item('cancellation_policy_disclosure', 'how the customer saw them'),
    item('cancellation_rebuttal', 'why the subscription was still due'),
    item('customer_communication', 'shows the customer did not cancel in time'),
    item('access_activity_log', 'shows use after the claimed cancellation'),
  ],
  credit_not_processed: [
    item('refund_policy', 'the terms the customer accepted'),
    item('refund_policy_disclosure', 'how the customer saw them'),
    item('refund_refusal_explanation', 'why no refund or credit is owed'),
    item('customer_communication', 'what was agreed with the customer'),
  ],
  duplicate: [
    item('duplicate_charge_id', 'names the other charge'),
    item('duplicate_charge_explanation', 'explains why both charges are right'),
    item('duplicate_charge_documentation', 'documents the other charge'),
    item('receipt', 'documents this charge'),
  ],
  general: [
    item('product_description', 'says what was bought'),
    item('receipt', 'proves the sale'),
    item('customer_communication', 'what was agreed with the customer'),
    item('uncategorized_text', 'anything else that answers the claim'),
  ],
};

/** The fields that matter for `reason`; reasons without a list of their own get the general one. */
export function checklistFor(reason: string): ChecklistItem[] {
  return CHECKLISTS[reason] ?? CHECKLISTS.general!;
}

export function missingEvidence(reason: string, values: Partial<Record<string, string>>): ChecklistItem[] {
  return checklistFor(reason).filter((entry) => !values[entry.field]?.trim());
}
