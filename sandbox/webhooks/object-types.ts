// The stored types webhooks add to the store (endpoints and delivery records), by module augmentation
// so the shared ObjectTypes list stays one line per resource of the payments work.
import type Stripe from 'stripe';

/** One attempt to POST an event to an endpoint, as the delivery log shows it. */
export interface DeliveryAttempt {
  /** Unix milliseconds when the request was sent. */
  at: number;
  duration_ms: number;
  /** The receiver's HTTP status, or null when no response came (timeout, refused, dropped by a fault). */
  status_code: number | null;
  error: string | null;
  /** Which fault injection, if any, shaped this attempt. */
  fault: 'drop' | 'duplicate' | 'delay' | 'reorder' | null;
}

/**
 * One event owed to one endpoint. `pending` until a 2xx, then `succeeded`; `failed` after the last
 * attempt; `canceled` when the endpoint is disabled or deleted (Stripe stops retrying then); `dropped`
 * when a fault injection swallowed it.
 */
export interface WebhookDelivery {
  id: string;
  object: 'webhook_delivery';
  created: number;
  event: string;
  event_type: string;
  webhook_endpoint: string;
  /** `automatic` for the event's own delivery, `resend` for one asked for through the resend control. */
  reason: 'automatic' | 'resend';
  status: 'pending' | 'succeeded' | 'failed' | 'canceled' | 'dropped';
  attempts: DeliveryAttempt[];
  /** Unix milliseconds of the next attempt while pending, else null. */
  next_attempt_at: number | null;
}

declare module '../store/object-types' {
  interface ObjectTypes {
    /** Stored with its `secret`; responses other than create leave it out, as Stripe does. */
    webhook_endpoint: Stripe.WebhookEndpoint;
    webhook_delivery: WebhookDelivery;
  }
}
