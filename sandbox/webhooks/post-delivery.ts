// One HTTP POST of a signed event payload to a receiver, with a per-attempt timeout; never throws.
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** What Stripe's deliveries carry besides the signature: its User-Agent and JSON type, and the Accept and
 *  Cache-Control values seen on real deliveries (receivers should not depend on the last two). */
export const DELIVERY_HEADERS = {
  'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-cache',
  Accept: '*/*; q=0.5, application/xml',
} as const;

export interface PostOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

// Keep-alive: the delivery loop posts many small requests to few receivers.
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

export function postDelivery(url: string, payload: string, signature: string, timeoutMs: number): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<PostOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      finish({ statusCode: null, error: `invalid URL ${url}` });
      return;
    }
    const isHttps = target.protocol === 'https:';
    const send = isHttps ? httpsRequest : httpRequest;
    const request = send(target, {
      method: 'POST',
      agent: isHttps ? httpsAgent : httpAgent,
      headers: { ...DELIVERY_HEADERS, 'Content-Length': String(Buffer.byteLength(payload)), 'Stripe-Signature': signature },
    });
    // The whole attempt (connect, send, response headers and body) must fit in timeoutMs.
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: `timed out after ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    request.on('response', (response) => {
      // Drain the body so the keep-alive socket can be reused; Stripe keeps only the status (and a body excerpt).
      response.resume();
      response.on('end', () => finish({ statusCode: response.statusCode ?? null, error: null }));
      response.on('error', (error) => finish({ statusCode: response.statusCode ?? null, error: error.message }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => finish({ statusCode: null, error: error.code ?? error.message }));
    request.end(payload);
  });
}
