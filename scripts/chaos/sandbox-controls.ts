// The sandbox's test-only controls (fault injection, webhook schedule, deliveries), per account (bearer key).

export interface SandboxControls {
  call(method: 'GET' | 'POST' | 'DELETE', path: string, fields?: Record<string, string | number>): Promise<Record<string, unknown>>;
}

export function sandboxControls(base: string, secretKey: string): SandboxControls {
  return {
    async call(method, path, fields = {}) {
      const body = new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)]));
      const query = method === 'GET' && body.size > 0 ? `?${body}` : '';
      const response = await fetch(`${base}${path}${query}`, {
        method,
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: method === 'GET' ? undefined : body,
      });
      const parsed = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
      return parsed;
    },
  };
}

/** The faults a chaos run arms, one at a time, each for the next matching request or delivery. */
export const CHAOS_FAULTS: readonly Record<string, string | number>[] = [
  { kind: 'api_error', path_prefix: '/v1/' },
  { kind: 'rate_limit' },
  { kind: 'rate_limit', mode: 'lock_timeout' },
  { kind: 'timeout', mode: 'close' },
  { kind: 'timeout', mode: 'hold', hold_ms: 800 },
  { kind: 'lost_response', mode: '500' },
  { kind: 'lost_response', mode: 'drop' },
  { kind: 'webhook_drop' },
  { kind: 'webhook_duplicate' },
  { kind: 'webhook_delay', delay_ms: 700 },
  { kind: 'webhook_reorder', count: 3 },
];
