'use server';
// Events actions: replay a stored event (admin only).
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { db } from '@/lib/db/client';
import { stripe } from '@/lib/stripe/client';
import { replayEventSchema } from '@/lib/webhooks/event-filters';
import { replayStripeEvent } from '@/lib/webhooks/replay-stripe-event';

export const replayEventAction = validatedAction(
  { name: 'replay-stripe-event', permission: 'events:replay', schema: replayEventSchema },
  async (input, { user }): Promise<string> => {
    const outcome = await replayStripeEvent({ eventId: input.eventId, actor: user }, db, stripe());
    revalidatePath('/events');
    revalidatePath(`/events/${input.eventId}`);
    return outcome;
  },
);
