// Checks a delivery's Stripe-Signature against every configured secret and parses the event it signs.
import 'server-only';
import Stripe from 'stripe';
import { z } from 'zod';

/** Stripe's own default: a signed delivery older than five minutes is refused (replay protection). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type VerifyFailure =
  | 'missing_signature'
  | 'no_secret_configured'
  | 'malformed_signature_header'
  | 'timestamp_outside_tolerance'
  | 'no_matching_signature'
  | 'malformed_body';

export type VerifyResult = { ok: true; event: Stripe.Event } | { ok: false; reason: VerifyFailure };

// Only what the store and projection rely on; the rest of the event is kept as the signed text.
const eventShape = z.object({
  id: z.string().regex(/^evt_[A-Za-z0-9_]+$/),
  object: z.literal('event'),
  type: z.string().min(1),
  created: z.number().int().nonnegative(),
  api_version: z.string().nullable().optional(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

function failureOf(error: unknown): VerifyFailure {
  if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) return 'malformed_body';
  if (/tolerance/i.test(error.message)) return 'timestamp_outside_tolerance';
  if (/extract timestamp|expected scheme/i.test(error.message)) return 'malformed_signature_header';
  return 'no_matching_signature';
}

export function verifyWebhookEvent(options: { rawBody: Buffer; signatureHeader: string | null; secrets: readonly string[] }): VerifyResult {
  if (!options.signatureHeader) return { ok: false, reason: 'missing_signature' };
  if (options.secrets.length === 0) return { ok: false, reason: 'no_secret_configured' };
  // A stale timestamp says more than "no match": it means a secret did match, so report that one.
  let failure: VerifyFailure = 'no_matching_signature';
  for (const secret of options.secrets) {
    let event: Stripe.Event;
    try {
      // The static helper is the SDK's constructEvent without a client: verification needs no API key.
      event = Stripe.webhooks.constructEvent(options.rawBody, options.signatureHeader, secret, SIGNATURE_TOLERANCE_SECONDS);
    } catch (error) {
      const reason = failureOf(error);
      // A signed body that is not JSON is malformed whichever secret we try next.
      if (reason === 'malformed_body' || reason === 'malformed_signature_header') return { ok: false, reason };
      if (reason === 'timestamp_outside_tolerance') failure = reason;
      continue;
    }
    return eventShape.safeParse(event).success ? { ok: true, event } : { ok: false, reason: 'malformed_body' };
  }
  return { ok: false, reason: failure };
}
