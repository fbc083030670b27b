// The sandbox's browser-facing routes: the Stripe.js stand-in script, CORS for API calls from pages,
// and the page a 3-D Secure challenge returns to inside the stand-in's modal.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stripeJsBundle } from './bundle';

/** Paths that serve the script: Stripe's own (`/v3/`, `/endive/stripe.js`) so only the origin differs. */
export const STRIPE_JS_PATHS = new Set(['/v3', '/v3/', '/v3/stripe.js', '/endive/stripe.js']);
/** Where the in-page 3-D Secure modal sends the challenge when it ends (see browser/next-action.ts). */
export const THREE_DS_RETURN_PATH = '/_sandbox/stripe-js/3ds-return';

/** Sent with every sandbox response: Stripe's API answers browsers from any origin. */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Request-Id, Stripe-Version, Idempotency-Key',
};

const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, POST, DELETE',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account',
  'Access-Control-Max-Age': '600',
};

// The page only tells its parent (the stand-in's modal) that the challenge ended; the stand-in then
// re-reads the intent, so nothing here needs to be trusted.
const THREE_DS_RETURN_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authentication complete</title></head>
<body><p>Authentication complete. You can close this window.</p>
<script>
  var query = new URLSearchParams(location.search);
  var message = { type: 'paydesk-sandbox:3ds-complete', intent: query.get('payment_intent') || query.get('setup_intent') };
  if (window.parent !== window) window.parent.postMessage(message, '*');
</script></body></html>`;

function sendText(response: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  response.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  response.end(body);
}

/** Handles the request if it is one of these routes; returns false to let the API pipeline have it. */
export async function serveBrowserRoute(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') {
    response.writeHead(204, PREFLIGHT_HEADERS);
    response.end();
    return true;
  }
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (STRIPE_JS_PATHS.has(path)) {
    const script = await stripeJsBundle();
    const etag = `"${createHash('sha256').update(script).digest('base64url').slice(0, 27)}"`;
    const headers = {
      ...CORS_HEADERS,
      'Content-Type': 'application/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      ETag: etag,
      // Lets pages with Cross-Origin-Embedder-Policy load it, as js.stripe.com allows.
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers);
      response.end();
      return true;
    }
    response.writeHead(200, { ...headers, 'Content-Length': String(Buffer.byteLength(script)) });
    response.end(method === 'HEAD' ? undefined : script);
    return true;
  }
  if (path === THREE_DS_RETURN_PATH) {
    sendText(response, 200, THREE_DS_RETURN_HTML, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    return true;
  }
  return false;
}
