// What the SDK's newer types accept on /v1/webhook_endpoints that the 2023 spec's enums refuse.
import type { ParamSchema } from '../params/param-schema';

// The 2023 enums stop at that year's event types and API versions; the SDK (and Stripe) know newer ones,
// so any event-type-shaped string is accepted rather than refusing e.g. `invoice_payment.paid`.
const eventType: ParamSchema = { t: 'string', max: 5000 };
const enabledEvents: ParamSchema = { t: 'array', items: eventType };

export const WEBHOOK_ENDPOINT_PARAM_OVERRIDES: Record<string, Record<string, ParamSchema>> = {
  'POST /v1/webhook_endpoints': { enabled_events: enabledEvents, api_version: { t: 'string', max: 5000 } },
  'POST /v1/webhook_endpoints/{webhook_endpoint}': { enabled_events: enabledEvents },
};
