// "Resend from Stripe": asks Stripe (or the sandbox) to deliver an event to this app's endpoint again.
import 'server-only';
import type Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import type { Db } from '@/lib/db/client';
import { WEBHOOK_PATH } from './ensure-sandbox-webhook-endpoint';

export interface ResendStripeEventOptions {
  eventId: string;
  actor: Pick<SessionUser, 'id' | 'email' | 'role'>;
  /** the public URL webhooks are delivered to (the app's, or the lean listener's), to find its endpoint among the account's */
  appUrl: string;
  isSandbox: boolean;
}

/** The account's endpoint that delivers to this app, if one is registered (with `stripe listen` there is none). */
async function endpointForApp(appUrl: string, stripe: Stripe): Promise<string | undefined> {
  const url = new URL(WEBHOOK_PATH, appUrl).toString();
  for await (const endpoint of stripe.webhookEndpoints.list({ limit: 100 })) if (endpoint.url === url && endpoint.status === 'enabled') return endpoint.id;
  return undefined;
}

/**
 * Real Stripe: `POST /v1/events/{id}/retry` with `webhook_endpoint`, the call behind the Dashboard's "Resend"
 * and `stripe events resend --webhook-endpoint` (events of the last 30 days only; without an endpoint it goes to
 * the CLI's `stripe listen`). Sandbox: its `/_sandbox/events/{id}/resend` control, to the endpoint the app registered at start-up.
 */
export async function resendStripeEvent(options: ResendStripeEventOptions, dependencies: { stripe: Stripe; db: Db }): Promise<{ webhookEndpoint: string | null }> {
  const { stripe, db } = dependencies;
  const eventPath = encodeURIComponent(options.eventId);
  const webhookEndpoint = (await endpointForApp(options.appUrl, stripe)) ?? null;
  if (options.isSandbox && !webhookEndpoint) throw new ActionError('conflict', 'The app has not registered its webhook endpoint with the sandbox yet.');
  const path = options.isSandbox ? `/_sandbox/events/${eventPath}/resend` : `/v1/events/${eventPath}/retry`;
  try {
    await stripe.rawRequest('POST', path, webhookEndpoint ? { webhook_endpoint: webhookEndpoint } : {});
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 404) {
      throw new ActionError('not_found', 'Stripe no longer has this event (it keeps events for 30 days).');
    }
    throw error;
  }
  await recordAuditEntry({ actor: options.actor, action: 'resend-stripe-event', objectId: options.eventId, detail: { webhookEndpoint } }, db);
  return { webhookEndpoint };
}
