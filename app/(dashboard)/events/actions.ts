'use server';
// Events actions (admin only): replay, resend from Stripe, missed-event check, sync, refresh and reconciliation.
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { db } from '@/lib/db/client';
import { serverEnv } from '@/lib/env';
import { stripe } from '@/lib/stripe/client';
import { describeObjectReconciliation, describeReconciliation } from '@/lib/sync/describe-reconciliation';
import { reconcileRange } from '@/lib/sync/reconcile-range';
import { refreshObject } from '@/lib/sync/refresh-object';
import { startBackgroundSync } from '@/lib/sync/start-background-sync';
import { reconcileRangeSchema, refreshObjectSchema, startSyncSchema } from '@/lib/sync/sync-forms';
import { describeMissedEvents } from '@/lib/webhooks/describe-missed-events';
import { eventIdSchema, missedEventsSchema, replayEventSchema } from '@/lib/webhooks/event-filters';
import { ingestMissedEvents } from '@/lib/webhooks/ingest-missed-events';
import { replayStripeEvent } from '@/lib/webhooks/replay-stripe-event';
import { resendStripeEvent } from '@/lib/webhooks/resend-stripe-event';


export const replayEventAction = validatedAction(
  { name: 'replay-stripe-event', permission: 'events:replay', schema: replayEventSchema },
  async (input, { user }): Promise<string> => {
    const outcome = await replayStripeEvent({ eventId: input.eventId, actor: user }, db, stripe());
    revalidatePath('/events');
    revalidatePath(`/events/${input.eventId}`);
    return outcome;
  },
);

export const resendEventAction = validatedAction(
  { name: 'resend-stripe-event', permission: 'events:replay', schema: eventIdSchema },
  async (input, { user }): Promise<string> => {
    const env = serverEnv();
    const { webhookEndpoint } = await resendStripeEvent(
      { eventId: input.eventId, actor: user, appUrl: env.webhookBaseUrl, isSandbox: env.isSandbox },
      { stripe: stripe(), db },
    );
    revalidatePath('/events');
    return webhookEndpoint
      ? `Stripe will deliver ${input.eventId} again to ${webhookEndpoint}; it shows here once it arrives.`
      : `Stripe will deliver ${input.eventId} again to the Stripe CLI (stripe listen): no endpoint of this account points at this app.`;
  },
);

export const checkMissedEventsAction = validatedAction(
  { name: 'check-missed-events', permission: 'events:replay', schema: missedEventsSchema },
  async (input): Promise<string> => {
    const report = await ingestMissedEvents({ days: input.days }, { stripe: stripe(), db });
    revalidatePath('/events');
    return describeMissedEvents(report, input.days);
  },
);

export const startSyncAction = validatedAction(
  { name: 'start-sync', permission: 'events:replay', schema: startSyncSchema },
  async (input): Promise<string> => {
    const isStarted = startBackgroundSync({ restart: input.restart === 'on' }, { stripe: stripe(), db });
    revalidatePath('/events');
    return isStarted ? 'Sync started; progress shows below.' : 'A sync is already running; progress shows below.';
  },
);

export const refreshObjectAction = validatedAction(
  { name: 'refresh-object', permission: 'events:replay', schema: refreshObjectSchema },
  async (input): Promise<string> => {
    const result = await refreshObject({ id: input.objectId }, { stripe: stripe(), db });
    revalidatePath('/events');
    return describeObjectReconciliation(result);
  },
);

export const reconcileRangeAction = validatedAction(
  { name: 'reconcile-range', permission: 'events:replay', schema: reconcileRangeSchema },
  async (input): Promise<string> => describeReconciliation(await reconcileRange(input, { stripe: stripe(), db })),
);
