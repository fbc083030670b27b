// Requests from the browser to the sandbox's API with the publishable key, encoded as Stripe.js does
// (form body with `key`, so no CORS preflight), answering `{ok, body}` or a Stripe.js error.
import { isRecord, type StripeJsError } from './types';

export type ApiResult<T> = { ok: true; body: T } | { ok: false; error: StripeJsError };

/** `a[b][0]=v` pairs, Stripe's bracket encoding; undefined and null values are left out. */
export function encodeForm(value: unknown, prefix = '', pairs: [string, string][] = []): [string, string][] {
  if (value === undefined || value === null) return pairs;
  if (Array.isArray(value)) {
    value.forEach((item, index) => encodeForm(item, `${prefix}[${index}]`, pairs));
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) encodeForm(item, prefix ? `${prefix}[${key}]` : key, pairs);
  } else {
    pairs.push([prefix, String(value)]);
  }
  return pairs;
}

export class ApiClient {
  constructor(
    readonly origin: string,
    private readonly publishableKey: string,
  ) {}

  async request<T>(method: 'GET' | 'POST', path: string, params: Record<string, unknown> = {}): Promise<ApiResult<T>> {
    const encoded = new URLSearchParams(encodeForm({ ...params, key: this.publishableKey })).toString();
    const url = `${this.origin}${path}${method === 'GET' ? `?${encoded}` : ''}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : undefined,
        body: method === 'POST' ? encoded : undefined,
        credentials: 'omit',
      });
    } catch {
      return { ok: false, error: { type: 'api_connection_error', message: 'An error occurred with our connection to Stripe. Request was retried 0 times.' } };
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok && isRecord(body)) return { ok: true, body: body as T };
    const error = isRecord(body) && isRecord(body.error) ? (body.error as unknown as StripeJsError) : undefined;
    return { ok: false, error: error ?? { type: 'api_error', message: `The sandbox answered ${response.status}.` } };
  }
}
