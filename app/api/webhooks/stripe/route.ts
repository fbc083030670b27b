// Stripe's webhook deliveries: raw body (capped) → lib/webhooks/ingest-webhook.ts, which verifies, stores and projects.
// lib/webhooks/webhook-listener.ts answers the same path the same way without Next.
import { db } from '@/lib/db/client';
import { stripe } from '@/lib/stripe/client';
import { answerWebhookDelivery } from '@/lib/webhooks/ingest-webhook';
import { listWebhookSecretsCached } from '@/lib/webhooks/list-webhook-secrets';
import { readCappedBody } from '@/lib/webhooks/read-capped-body';

// Signature checks need node:crypto and the exact bytes; the database driver needs Node too.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const rawBody = await readCappedBody(request);
  if (rawBody === null) return Response.json({ received: false, error: 'body_too_large' }, { status: 413 });
  const result = await answerWebhookDelivery(
    { rawBody, signatureHeader: request.headers.get('stripe-signature') },
    { db, stripe: stripe(), readSecrets: () => listWebhookSecretsCached(db) },
  );
  return Response.json(result.body, { status: result.status });
}
