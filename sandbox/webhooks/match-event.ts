// Which endpoints an event goes to: enabled ones whose `enabled_events` holds its type or `*`.
import type Stripe from 'stripe';

export const isEndpointEnabled = (endpoint: Stripe.WebhookEndpoint): boolean => endpoint.status === 'enabled';

export const wantsEventType = (endpoint: Stripe.WebhookEndpoint, type: string): boolean =>
  endpoint.enabled_events.includes('*') || endpoint.enabled_events.includes(type);

export const shouldReceive = (endpoint: Stripe.WebhookEndpoint, type: string): boolean =>
  isEndpointEnabled(endpoint) && wantsEventType(endpoint, type);
