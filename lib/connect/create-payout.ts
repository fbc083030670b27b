// Pays out a seller's available balance (one currency at a time) to their bank account.
import 'server-only';
import Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';

export async function createPayout(
  options: { accountId: string; idempotencyNonce: string; actor: SessionUser },
  dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry'> } = {},
): Promise<{ payoutId: string; amount: number; currency: string }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const idempotencyKey = submissionIdempotencyKey({ action: 'create-payout', actor: options.actor, nonce: options.idempotencyNonce, objectId: options.accountId });
  // A resubmitted form finds the balance already paid out: answer with the payout the first submission made.
  const earlier = await db.auditEntry.findUnique({ where: { action_idempotencyKey: { action: 'create-payout', idempotencyKey } }, select: { objectId: true, amount: true, currency: true } });
  if (earlier?.objectId && earlier.amount !== null && earlier.currency) return { payoutId: earlier.objectId, amount: earlier.amount, currency: earlier.currency };
  const balance = await stripe.balance.retrieve({}, { stripeAccount: options.accountId }).catch((error: unknown) => {
    // Stripe answers 403 for an account that is not connected to this platform (or does not exist).
    if (error instanceof Stripe.errors.StripePermissionError) throw new ActionError('not_found', 'That account is not connected to this platform.');
    throw error;
  });
  const available = balance.available.find((entry) => entry.amount > 0);
  if (!available) throw new ActionError('conflict', 'Nothing is available to pay out yet.');
  const payout = await stripe.payouts.create({ amount: available.amount, currency: available.currency }, { stripeAccount: options.accountId, idempotencyKey });
  await recordAuditEntry(
    {
      actor: options.actor,
      action: 'create-payout',
      objectId: payout.id,
      amount: payout.amount,
      currency: payout.currency,
      stripeRequestId: payout.lastResponse.requestId,
      idempotencyKey,
      detail: { account: options.accountId },
    },
    db,
  );
  return { payoutId: payout.id, amount: payout.amount, currency: payout.currency };
}
