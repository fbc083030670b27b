// Stripe's webhook deliveries: raw body (capped) → lib/webhooks/ingest-webhook.ts, which verifies, stores and projects.
import { db } from '@/lib/db/client';
import { stripe } from '@/lib/stripe/client';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';
import { listWebhookSecretsCached } from '@/lib/webhooks/list-webhook-secrets';
import { readCappedBody } from '@/lib/webhooks/read-capped-body';

// Signature checks need node:crypto and the exact bytes; the database driver needs Node too.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const rawBody = await readCappedBody(request);
  if (rawBody === null) return Response.json({ received: false, error: 'body_too_large' }, { status: 413 });
  let secrets: string[];
  try {
    secrets = await listWebhookSecretsCached(db);
  } catch (error) {
    console.error('[webhook] could not read the signing secrets; Stripe will retry', error);
    return Response.json({ received: false, error: 'processing_failed' }, { status: 503 });
  }
  const result = await ingestWebhook({ rawBody, signatureHeader: request.headers.get('stripe-signature'), secrets }, db, stripe());
  return Response.json(result.body, { status: result.status });
}
