// The Events page's words for each signature failure: what went wrong and what to change.
import { SIGNATURE_TOLERANCE_SECONDS } from './verify-webhook-event';

function durationInWords(seconds: number): string {
  const magnitude = Math.abs(seconds);
  if (magnitude < 120) return `${magnitude} s`;
  if (magnitude < 7200) return `${Math.round(magnitude / 60)} min`;
  if (magnitude < 172_800) return `${Math.round(magnitude / 3600)} h`;
  return `${Math.round(magnitude / 86_400)} days`;
}

export function describeSignatureFailure(failure: { reason: string; skewSeconds: number | null; isReserialisedMatch?: boolean }): string {
  switch (failure.reason) {
    case 'missing_signature':
      return 'No Stripe-Signature header: the request did not come from Stripe, or a proxy removed the header.';
    case 'malformed_signature_header':
      return 'The Stripe-Signature header is not in Stripe’s t=…,v1=… form.';
    case 'no_secret_configured':
      return 'No signing secret is configured: set STRIPE_WEBHOOK_SECRET to the endpoint’s whsec_… secret.';
    case 'timestamp_outside_tolerance': {
      const skew = failure.skewSeconds ?? 0;
      return `The secret matched, but the delivery was signed ${durationInWords(skew)} ${skew < 0 ? 'ago' : 'ahead'}, outside the ${SIGNATURE_TOLERANCE_SECONDS} s tolerance: this server’s clock and Stripe’s disagree (clock skew), or an old delivery was sent again.`;
    }
    case 'secret_whitespace':
      return 'A configured secret has spaces or a line break around it and verifies once trimmed: remove the whitespace from STRIPE_WEBHOOK_SECRET.';
    case 'altered_body':
      return failure.isReserialisedMatch
        ? 'The body was altered after Stripe signed it: a re-serialised copy verifies, so something parsed the JSON and wrote it out again (a body-parsing middleware or proxy). Verify the raw bytes.'
        : 'The body is not byte for byte as Stripe sends it (it was re-formatted or changed on the way), and no secret verifies it. Verify the raw bytes.';
    case 'wrong_secret':
      return 'The body is exactly as Stripe sends it, but no configured secret made its signature: it was signed with another secret — e.g. the Stripe CLI’s (stripe listen) instead of the endpoint’s, or another endpoint’s or mode’s.';
    case 'malformed_body':
      return 'Correctly signed, but the body is not a Stripe event.';
    case 'body_too_large':
      return 'The body is larger than any Stripe event (over 1 MiB); it was refused unread.';
    default:
      return failure.reason;
  }
}
