import { describe, expect, it } from 'vitest';
import { FaultRegistry, type FaultSpec } from './fault-registry';

const spec = (overrides: Partial<FaultSpec>): FaultSpec => ({
  kind: 'api_error',
  remaining: 1,
  method: null,
  path_prefix: null,
  mode: null,
  hold_ms: null,
  retry_after: null,
  delay_ms: null,
  ...overrides,
});

describe('FaultRegistry', () => {
  it('applies a fault to the next N matching requests only, then disarms it', () => {
    const faults = new FaultRegistry();
    faults.arm('sk_test_a', spec({ remaining: 2, method: 'POST', path_prefix: '/v1/customers' }));
    expect(faults.takeApiFault('sk_test_a', 'GET', '/v1/customers')).toBeUndefined();
    expect(faults.takeApiFault('sk_test_a', 'POST', '/v1/products')).toBeUndefined();
    expect(faults.takeApiFault('sk_test_a', 'POST', '/v1/customers')?.kind).toBe('api_error');
    expect(faults.takeApiFault('sk_test_a', 'POST', '/v1/customers/cus_1')?.kind).toBe('api_error');
    expect(faults.takeApiFault('sk_test_a', 'POST', '/v1/customers')).toBeUndefined();
    expect(faults.describe('sk_test_a')).toEqual({ armed: [], injected: { api_error: 2 } });
  });

  it('keeps each key’s faults and counts apart, and keeps API and webhook faults apart', () => {
    const faults = new FaultRegistry();
    faults.arm('sk_test_a', spec({ kind: 'webhook_drop' }));
    expect(faults.takeApiFault('sk_test_a', 'GET', '/v1/customers')).toBeUndefined();
    expect(faults.takeWebhookFault('sk_test_b')).toBeUndefined();
    expect(faults.takeWebhookFault('sk_test_a')?.kind).toBe('webhook_drop');
    expect(faults.describe('sk_test_b')).toEqual({ armed: [], injected: {} });
  });

  it('uses faults in the order they were armed, and clear() forgets armed faults and counts', () => {
    const faults = new FaultRegistry();
    faults.arm('sk_test_a', spec({ kind: 'rate_limit' }));
    faults.arm('sk_test_a', spec({ kind: 'api_error' }));
    expect(faults.takeApiFault('sk_test_a', 'GET', '/v1/x')?.kind).toBe('rate_limit');
    faults.clear('sk_test_a');
    expect(faults.takeApiFault('sk_test_a', 'GET', '/v1/x')).toBeUndefined();
    expect(faults.describe('sk_test_a')).toEqual({ armed: [], injected: {} });
  });
});
