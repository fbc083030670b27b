// Creates a PaymentIntent once per submitted form, records it in the audit log and the projection.
import 'server-only';
import type Stripe from 'stripe';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { projectPaymentIntentResponse } from './project-payment-response';

export interface CreatePaymentIntentOptions {
  /** minor units, already checked against the currency (lib/money.ts) */
  amount: number;
  currency: string;
  customerId?: string;
  description?: string;
  metadata: Record<string, string>;
  captureMethod: 'automatic' | 'manual';
  /** browser: the customer pays in the Payment Element; server: confirmed here with a saved card */
  confirmationMode: 'browser' | 'server';
  idempotencyNonce: string;
  actor: SessionUser;
}

type CreateDb = Pick<Db, 'auditEntry' | 'stripePaymentIntent' | 'stripeCharge' | 'stripeRefund'>;

export async function createPaymentIntent(
  options: CreatePaymentIntentOptions,
  dependencies: { stripe?: Stripe; db?: CreateDb } = {},
): Promise<{ id: string; status: Stripe.PaymentIntent.Status }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const idempotencyKey = submissionIdempotencyKey({ action: 'create-payment-intent', actor: options.actor, nonce: options.idempotencyNonce });
  const isServer = options.confirmationMode === 'server';
  const intent = await stripe.paymentIntents.create(
    {
      amount: options.amount,
      currency: options.currency,
      customer: options.customerId,
      description: options.description,
      metadata: options.metadata,
      capture_method: options.captureMethod,
      confirmation_method: isServer ? 'manual' : 'automatic',
      // A dashboard confirmation has nowhere to send a redirect, so only methods that never redirect apply.
      automatic_payment_methods: isServer ? { enabled: true, allow_redirects: 'never' } : { enabled: true },
    },
    { idempotencyKey },
  );
  await recordAuditEntry(
    {
      actor: options.actor,
      action: 'create-payment-intent',
      objectId: intent.id,
      amount: intent.amount,
      currency: intent.currency,
      stripeRequestId: intent.lastResponse.requestId,
      idempotencyKey,
      detail: { captureMethod: options.captureMethod, confirmationMode: options.confirmationMode, customer: options.customerId ?? null },
    },
    db,
  );
  await projectPaymentIntentResponse(intent, db);
  return { id: intent.id, status: intent.status };
}
