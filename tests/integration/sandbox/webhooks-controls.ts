// Test access to the sandbox's webhook and fault controls (`/_sandbox/…`), scoped by the test's key.
import { rawRequest } from './helpers';

export interface DeliveryAttempt {
  at: number;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  fault: string | null;
}

export interface WebhookDelivery {
  id: string;
  event: string;
  event_type: string;
  webhook_endpoint: string;
  reason: 'automatic' | 'resend';
  status: 'pending' | 'succeeded' | 'failed' | 'canceled' | 'dropped';
  attempts: DeliveryAttempt[];
  next_attempt_at: number | null;
}

const form = (fields: Record<string, string | number>) =>
  Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');

export async function control(
  key: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  fields: Record<string, string | number> = {},
  base?: string,
): Promise<Record<string, unknown>> {
  const query = method === 'GET' && Object.keys(fields).length > 0 ? `?${form(fields)}` : '';
  const response = await rawRequest(method, `${path}${query}`, { key, base, form: method === 'GET' ? undefined : form(fields) });
  if (response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function deliveriesOf(key: string, filter: { event?: string; webhook_endpoint?: string }, base?: string): Promise<WebhookDelivery[]> {
  const body = await control(key, 'GET', '/_sandbox/webhook_deliveries', filter, base);
  return body.data as WebhookDelivery[];
}

/** Polls until `check` holds (the delivery loop runs apart from the API request), or fails after timeoutMs. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

