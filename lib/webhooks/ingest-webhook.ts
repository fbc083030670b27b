// One webhook delivery from raw bytes to an HTTP answer: verify, then store and project once.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { diagnoseSignatureFailure } from './diagnose-signature-failure';
import { recordDeliveryFailure } from './record-delivery-failure';
import type { RecordOutcome } from './record-stripe-event';
import { recordStripeEvent } from './record-stripe-event';
import { WEBHOOK_BODY_LIMIT_BYTES } from './read-capped-body';
import { verifyWebhookEvent, type VerifyFailure } from './verify-webhook-event';

export interface IngestWebhookOptions {
  rawBody: Buffer;
  signatureHeader: string | null;
  /** every secret currently valid for the endpoint (more than one while rotating) */
  secrets: readonly string[];
}

export type IngestBody =
  | { received: true; eventId: string; result: RecordOutcome }
  | { received: false; error: VerifyFailure | 'body_too_large' | 'processing_failed' };

export interface IngestResult {
  status: number;
  body: IngestBody;
}

/**
 * Plain function so the route handler, a lean listener or a test's node:http server share it.
 * 400 (nothing stored) when the delivery cannot be trusted; 200 once the event is stored — new, duplicate
 * or of a type we ignore; 500 when storing or applying failed, so Stripe retries.
 */
export async function ingestWebhook(
  options: IngestWebhookOptions,
  db: Db,
  /** reads an object again when two events of the same second cannot be ordered; without it, arrival order decides */
  stripe?: Stripe,
): Promise<IngestResult> {
  if (options.rawBody.byteLength > WEBHOOK_BODY_LIMIT_BYTES) {
    await noteRefusal(options, 'body_too_large', db);
    return { status: 413, body: { received: false, error: 'body_too_large' } };
  }
  const verified = verifyWebhookEvent(options);
  if (!verified.ok) {
    await noteRefusal(options, verified.reason, db);
    return { status: 400, body: { received: false, error: verified.reason } };
  }
  try {
    const result = await recordStripeEvent({ event: verified.event, payload: options.rawBody.toString('utf8') }, db, stripe);
    return { status: 200, body: { received: true, eventId: verified.event.id, result } };
  } catch (error) {
    console.error('[webhook] processing failed; Stripe will retry', { eventId: verified.event.id, type: verified.event.type, error });
    return { status: 500, body: { received: false, error: 'processing_failed' } };
  }
}

/**
 * The webhook endpoint's answer, for the route handler and the lean listener alike: the signing secrets are read
 * first, and when they cannot be (the database is down) the answer is 503 with nothing stored, so Stripe retries.
 */
export async function answerWebhookDelivery(
  delivery: { rawBody: Buffer; signatureHeader: string | null },
  dependencies: { db: Db; stripe?: Stripe; readSecrets(): Promise<string[]> },
): Promise<IngestResult> {
  let secrets: string[];
  try {
    secrets = await dependencies.readSecrets();
  } catch (error) {
    console.error('[webhook] could not read the signing secrets; Stripe will retry', error);
    return { status: 503, body: { received: false, error: 'processing_failed' } };
  }
  return ingestWebhook({ ...delivery, secrets }, dependencies.db, dependencies.stripe);
}

/** Why the delivery was refused, for the Events page; a failure to note it never changes the answer. */
async function noteRefusal(options: IngestWebhookOptions, failure: VerifyFailure | 'body_too_large', db: Db): Promise<void> {
  try {
    const diagnosis = diagnoseSignatureFailure({ ...options, failure });
    await recordDeliveryFailure({ diagnosis, rawBody: options.rawBody }, db);
  } catch (error) {
    console.error('[webhook] could not note a refused delivery', error);
  }
}
