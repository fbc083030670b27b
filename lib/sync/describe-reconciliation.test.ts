import { describe, expect, it } from 'vitest';
import { describeObjectReconciliation, describeReconciliation } from './describe-reconciliation';
import { formatSyncProgress } from './format-sync-progress';

describe('describeReconciliation', () => {
  it('says how many matched, and lists each fix with its columns before and after', () => {
    const text = describeReconciliation({
      checked: 5,
      inSync: 2,
      keptNewer: 1,
      fixed: [
        { id: 'cus_1', type: 'customer', result: 'created', differences: [] },
        { id: 'pi_1', type: 'payment_intent', result: 'repaired', differences: [{ column: 'status', before: 'processing', after: 'succeeded' }] },
      ],
    });
    expect(text).toBe(
      'Checked 5 objects: 2 matched, 1 held newer webhook state, 2 fixed. cus_1 was missing from the projection; added from Stripe. pi_1 differed from Stripe and was repaired: status "processing" → "succeeded".',
    );
  });

  it('shows a missing value as a dash', () => {
    expect(describeObjectReconciliation({ id: 'cus_2', type: 'customer', result: 'repaired', differences: [{ column: 'phone', before: null, after: '+1 555' }] })).toBe(
      'cus_2 differed from Stripe and was repaired: phone — → "+1 555".',
    );
  });
});

describe('formatSyncProgress', () => {
  it('shows the estimate only while below it, and the rate when known', () => {
    expect(formatSyncProgress({ label: 'charges', status: 'running', done: 200, estimated: 1000, rate: 812.4 })).toBe('charges: 200 / ≈1000 running · 812 objects/s');
    expect(formatSyncProgress({ label: 'refunds', status: 'done', done: 40, estimated: 40, rate: null })).toBe('refunds: 40 done');
  });
});
