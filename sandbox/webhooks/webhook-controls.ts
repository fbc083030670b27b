// `/_sandbox/…` routes for webhooks: the delivery log, resend on demand, and per-account retry settings.
import { accountKey, type ControlTable } from '../http/sandbox-controls';
import type { FormObject } from '../http/form-value';
import { invalidRequest, resourceMissing } from '../http/stripe-error';
import type { DeliveryConfig } from './delivery-config';
import type { WebhookDispatcher } from './dispatcher';
import { isEndpointEnabled, wantsEventType } from './match-event';

function readOptional(body: FormObject, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readConfig(body: FormObject): Partial<DeliveryConfig> {
  const config: Partial<DeliveryConfig> = {};
  const fields: [keyof DeliveryConfig, string, number, number][] = [
    ['retryBaseMs', 'retry_base_ms', 0, 3_600_000],
    ['maxAttempts', 'max_attempts', 1, 100],
    ['timeoutMs', 'timeout_ms', 1, 600_000],
  ];
  for (const [key, param, min, max] of fields) {
    const text = readOptional(body, param);
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) throw invalidRequest(`${param} must be an integer from ${min} to ${max}`, { param });
    config[key] = value;
  }
  return config;
}

export function webhookControls(dispatcher: WebhookDispatcher): ControlTable {
  return {
    /** Deliveries (newest first) with every attempt: time, status code, duration, error; filter by event/endpoint. */
    'GET /_sandbox/webhook_deliveries': (control) => {
      const account = control.store.account(accountKey(control));
      const data = dispatcher.deliveriesOf(account, {
        event: readOptional(control.body, 'event'),
        webhook_endpoint: readOptional(control.body, 'webhook_endpoint'),
      });
      return { status: 200, body: { object: 'list', data, has_more: false, url: '/_sandbox/webhook_deliveries' } };
    },

    /** The dashboard's "Resend": queues the event again to one endpoint, or to every enabled endpoint that wants it. */
    'POST /_sandbox/events/{event}/resend': (control) => {
      const account = control.store.account(accountKey(control));
      const eventId = control.pathParams.event!;
      const event = account.get('event', eventId);
      if (!event) throw resourceMissing('event', eventId);
      const endpointId = readOptional(control.body, 'webhook_endpoint');
      if (endpointId) {
        const endpoint = account.get('webhook_endpoint', endpointId);
        if (!endpoint) throw resourceMissing('webhook_endpoint', endpointId, 'webhook_endpoint');
        if (!isEndpointEnabled(endpoint)) throw invalidRequest(`The webhook endpoint ${endpointId} is disabled.`, { param: 'webhook_endpoint' });
        // Silently sending nothing would leave a test waiting; say why instead.
        if (!wantsEventType(endpoint, event.type)) {
          throw invalidRequest(`The webhook endpoint ${endpointId} does not listen to ${event.type} events.`, { param: 'webhook_endpoint' });
        }
      }
      const data = dispatcher.enqueue(account, event, 'resend', endpointId);
      return { status: 200, body: { object: 'list', data, has_more: false, url: `/_sandbox/events/${eventId}/resend` } };
    },

    /** Compresses or stretches the retry schedule for this account (tests), e.g. retry_base_ms=200&max_attempts=3. */
    'POST /_sandbox/webhooks/config': (control) => {
      const config = dispatcher.setAccountConfig(accountKey(control), readConfig(control.body));
      return { status: 200, body: { object: 'sandbox_webhook_config', retry_base_ms: config.retryBaseMs, max_attempts: config.maxAttempts, timeout_ms: config.timeoutMs } };
    },
  };
}
