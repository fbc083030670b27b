// Setup diagnostics: finds SetupIntents by id, customer id or customer email and explains each attempt (newest
// first) and the mandate, read live from Stripe because support asks about what is happening now.
import 'server-only';
import Stripe from 'stripe';
import { z } from 'zod';
import type { PaymentFailure } from '@/lib/payments/explain-decline';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { explainSetupError, SETUP_INTENT_STATUS_MEANINGS } from './explain-setup-error';

export const setupSearchSchema = z
  .string()
  .trim()
  .min(1, 'Enter a SetupIntent id (seti_…), a customer id (cus_…) or a customer’s email.')
  .refine((query) => /^(seti|cus)_[A-Za-z0-9_]+$/.test(query) || z.email().safeParse(query).success, 'Enter a SetupIntent id (seti_…), a customer id (cus_…) or a customer’s email.');

export interface AttemptDiagnosis {
  id: string;
  status: string;
  created: number;
  paymentMethod: { id: string; card: string | null };
  error: PaymentFailure | null;
}

export interface MandateDiagnosis {
  id: string;
  status: string;
  type: string;
  acceptance: { type: string; acceptedAt: number | null; ipAddress: string | null; userAgent: string | null };
}

export interface SetupIntentDiagnosis {
  id: string;
  status: string;
  statusMeaning: string;
  customerId: string | null;
  usage: string;
  created: number;
  lastError: PaymentFailure | null;
  attempts: AttemptDiagnosis[];
  mandate: MandateDiagnosis | null;
  /** set when the intent names a mandate Stripe would not return */
  mandateNote: string | null;
}

const INTENTS_SHOWN = 10;
const idOf = (value: string | { id: string } | null): string | null => (value === null ? null : typeof value === 'string' ? value : value.id);
const isMissing = (error: unknown) => error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing';

async function findIntents(query: string, stripe: Stripe): Promise<Stripe.SetupIntent[]> {
  if (query.startsWith('seti_')) {
    try {
      return [await stripe.setupIntents.retrieve(query)];
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }
  const customerIds = query.startsWith('cus_') ? [query] : (await stripe.customers.list({ email: query, limit: 5 })).data.map((customer) => customer.id);
  const lists = await Promise.all(customerIds.map((customer) => stripe.setupIntents.list({ customer, limit: INTENTS_SHOWN })));
  return lists.flatMap((list) => list.data).sort((a, b) => b.created - a.created).slice(0, INTENTS_SHOWN);
}

function toAttempt(attempt: Stripe.SetupAttempt): AttemptDiagnosis {
  const card = attempt.payment_method_details?.card;
  const cardLabel = card?.brand ? `${card.brand}${card.last4 ? ` ending ${card.last4}` : ''}` : null;
  return {
    id: attempt.id,
    status: attempt.status,
    created: attempt.created,
    paymentMethod: { id: idOf(attempt.payment_method) ?? '—', card: cardLabel },
    error: attempt.setup_error ? explainSetupError(attempt.setup_error) : null,
  };
}

async function diagnoseMandate(intent: Stripe.SetupIntent, stripe: Stripe): Promise<Pick<SetupIntentDiagnosis, 'mandate' | 'mandateNote'>> {
  const mandateId = idOf(intent.mandate ?? null) ?? idOf(intent.single_use_mandate ?? null);
  if (!mandateId) return { mandate: null, mandateNote: null };
  try {
    const mandate = await stripe.mandates.retrieve(mandateId);
    const acceptance = mandate.customer_acceptance;
    return {
      mandate: {
        id: mandate.id,
        status: mandate.status,
        type: mandate.type,
        acceptance: {
          type: acceptance.type,
          acceptedAt: acceptance.accepted_at,
          ipAddress: acceptance.online?.ip_address ?? null,
          userAgent: acceptance.online?.user_agent ?? null,
        },
      },
      mandateNote: null,
    };
  } catch (error) {
    if (isMissing(error)) return { mandate: null, mandateNote: `Stripe has no mandate ${mandateId} any more.` };
    throw error;
  }
}

async function diagnose(intent: Stripe.SetupIntent, stripe: Stripe): Promise<SetupIntentDiagnosis> {
  const [attempts, mandate] = await Promise.all([stripe.setupAttempts.list({ setup_intent: intent.id, limit: 100 }), diagnoseMandate(intent, stripe)]);
  return {
    id: intent.id,
    status: intent.status,
    statusMeaning: SETUP_INTENT_STATUS_MEANINGS[intent.status] ?? intent.status,
    customerId: idOf(intent.customer),
    usage: intent.usage,
    created: intent.created,
    lastError: intent.last_setup_error ? explainSetupError(intent.last_setup_error) : null,
    // Stripe lists newest first; the sort keeps that order within one second.
    attempts: attempts.data.map(toAttempt).sort((a, b) => b.created - a.created),
    ...mandate,
  };
}

export async function diagnoseSetupIntents(options: { query: string }, dependencies: { stripe?: Stripe } = {}): Promise<SetupIntentDiagnosis[]> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const query = setupSearchSchema.parse(options.query);
  const intents = await findIntents(query, stripe);
  return Promise.all(intents.map((intent) => diagnose(intent, stripe)));
}
