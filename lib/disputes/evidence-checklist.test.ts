import { describe, expect, it } from 'vitest';
import { checklistFor, missingEvidence } from './evidence-checklist';
import { EVIDENCE_FIELDS, evidenceTextLength } from './evidence-fields';

const fieldsOf = (reason: string) => checklistFor(reason).map((entry) => entry.field);

describe('the evidence checklist', () => {
  it('asks for what each reason turns on', () => {
    expect(fieldsOf('fraudulent')).toEqual(expect.arrayContaining(['customer_name', 'billing_address', 'customer_purchase_ip', 'receipt']));
    expect(fieldsOf('product_not_received')).toEqual(expect.arrayContaining(['shipping_tracking_number', 'shipping_carrier', 'shipping_documentation']));
    expect(fieldsOf('subscription_canceled')).toEqual(expect.arrayContaining(['cancellation_policy', 'cancellation_policy_disclosure', 'cancellation_rebuttal']));
    expect(fieldsOf('duplicate')).toEqual(expect.arrayContaining(['duplicate_charge_id', 'duplicate_charge_explanation', 'duplicate_charge_documentation']));
    expect(fieldsOf('credit_not_processed')).toEqual(expect.arrayContaining(['refund_policy', 'refund_refusal_explanation']));
  });

  it('falls back to the general list for reasons without one of their own', () => {
    expect(fieldsOf('bank_cannot_process')).toEqual(fieldsOf('general'));
  });

  it('lists only the fields still empty, ignoring blanks', () => {
    const missing = missingEvidence('duplicate', { duplicate_charge_id: 'ch_123', duplicate_charge_explanation: '   ', receipt: 'file_1' });
    expect(missing.map((entry) => entry.field)).toEqual(['duplicate_charge_explanation', 'duplicate_charge_documentation']);
  });

  it('names only fields Stripe has', () => {
    const known = new Set(EVIDENCE_FIELDS.map((field) => field.name));
    for (const reason of ['fraudulent', 'unrecognized', 'product_not_received', 'product_unacceptable', 'subscription_canceled', 'credit_not_processed', 'duplicate', 'general']) {
      for (const field of fieldsOf(reason)) expect(known.has(field)).toBe(true);
    }
  });
});

describe('evidenceTextLength', () => {
  it('counts the text fields towards Stripe’s limit, never the file ids', () => {
    expect(evidenceTextLength({ product_description: 'abc', uncategorized_text: 'de', receipt: 'file_123456' })).toBe(5);
  });
});
