// The `evidence` parameter for a dispute update, built from the form alone so a replayed form sends the very same
// request (Stripe's idempotency key then answers with the first result).
import 'server-only';
import type Stripe from 'stripe';
import type { EvidenceInput } from './dispute-input';
import { EVIDENCE_FIELDS } from './evidence-fields';

/**
 * The filled-in fields, trimmed. Empty ones are left out: Stripe refuses '' for evidence ("cannot be unset"), so a
 * saved value can be replaced but not emptied.
 */
export function evidenceParams(input: EvidenceInput): Stripe.DisputeUpdateParams.Evidence {
  const evidence: Record<string, string> = {};
  for (const field of EVIDENCE_FIELDS) {
    const value = input[field.name]?.trim();
    if (value) evidence[field.name] = value;
  }
  return evidence as Stripe.DisputeUpdateParams.Evidence;
}
