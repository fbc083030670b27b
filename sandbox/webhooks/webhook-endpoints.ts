// /v1/webhook_endpoints: create (the only response carrying the whsec_ secret), retrieve, update, list, delete.
import type Stripe from 'stripe';
import { deleteWithTombstone, findOr404, findOrTombstone } from '../core/crud';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { has, readBoolean, readNullableString, readString, readStringArray } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import type { RequestContext } from '../http/route';
import { invalidRequest, parameterMissing } from '../http/stripe-error';
import { newId, nowSeconds, randomAlphanumeric } from '../store/ids';
import './object-types';

/** Stripe shows the signing secret once, at creation; every other response leaves it out. */
function withoutSecret(endpoint: Stripe.WebhookEndpoint): Stripe.WebhookEndpoint {
  const { secret: _secret, ...rest } = endpoint;
  return rest;
}

function readUrl(context: RequestContext): string | undefined {
  const url = readString(context.params, 'url');
  if (url === undefined) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // Test mode accepts http; the sandbox delivers over plain HTTP(S) only.
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw invalidRequest(`Invalid URL: ${url}`, { code: 'url_invalid', param: 'url' });
  }
  return url;
}

function readEnabledEvents(context: RequestContext): string[] | undefined {
  if (!has(context.params, 'enabled_events')) return undefined;
  const events = readStringArray(context.params, 'enabled_events');
  if (events.length === 0) throw invalidRequest('You must specify at least one enabled event.', { param: 'enabled_events' });
  return [...new Set(events)];
}

function endpointId(context: RequestContext): string {
  return context.pathParams.webhook_endpoint!;
}

export const webhookEndpoints: ResourceModule = {
  routes: [
    {
      operation: 'POST /v1/webhook_endpoints',
      handle(context) {
        const url = readUrl(context);
        if (url === undefined) throw parameterMissing('url');
        const enabledEvents = readEnabledEvents(context);
        if (enabledEvents === undefined) throw parameterMissing('enabled_events');
        const endpoint: Stripe.WebhookEndpoint = {
          id: newId('we'),
          object: 'webhook_endpoint',
          api_version: readString(context.params, 'api_version') ?? null,
          application: null,
          created: nowSeconds(),
          description: readNullableString(context.params, 'description') ?? null,
          enabled_events: enabledEvents,
          livemode: false,
          metadata: applyMetadata({}, context.params),
          secret: `whsec_${randomAlphanumeric(32)}`,
          status: 'enabled',
          url,
        };
        return context.account.put('webhook_endpoint', endpoint);
      },
    },
    {
      operation: 'GET /v1/webhook_endpoints/{webhook_endpoint}',
      handle(context) {
        const found = findOrTombstone(context.account, 'webhook_endpoint', endpointId(context));
        return found.deleted === true ? found : withoutSecret(found);
      },
    },
    {
      operation: 'POST /v1/webhook_endpoints/{webhook_endpoint}',
      handle(context) {
        const before = findOr404(context.account, 'webhook_endpoint', endpointId(context));
        const next: Stripe.WebhookEndpoint = { ...before, metadata: applyMetadata(before.metadata, context.params) };
        const url = readUrl(context);
        if (url !== undefined) next.url = url;
        const enabledEvents = readEnabledEvents(context);
        if (enabledEvents !== undefined) next.enabled_events = enabledEvents;
        const description = readNullableString(context.params, 'description');
        if (description !== undefined) next.description = description;
        const disabled = readBoolean(context.params, 'disabled');
        // Disabling stops retries of what is still pending (the delivery loop checks the status per attempt).
        if (disabled !== undefined) next.status = disabled ? 'disabled' : 'enabled';
        return withoutSecret(context.account.put('webhook_endpoint', next));
      },
    },
    {
      operation: 'GET /v1/webhook_endpoints',
      handle: (context) =>
        paginate(context, context.account.all('webhook_endpoint').map(withoutSecret), { noun: 'webhook_endpoint' }),
    },
    {
      operation: 'DELETE /v1/webhook_endpoints/{webhook_endpoint}',
      handle(context) {
        const endpoint = findOr404(context.account, 'webhook_endpoint', endpointId(context));
        return deleteWithTombstone(context.account, 'webhook_endpoint', endpoint.id);
      },
    },
  ],
};
