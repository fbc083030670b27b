// Events: list (type, types[], created, delivery_success filters) and retrieve; recording lives in core/events.ts.
import { findOr404 } from '../core/crud';
import { paginate } from '../core/list';
import { readBoolean, readString, readStringArray } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { invalidRequest } from '../http/stripe-error';

/** `type` accepts `*` wildcards, e.g. `customer.*`. */
function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes('*')) return (type) => type === pattern;
  const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return (type) => regex.test(type);
}

export const events: ResourceModule = {
  routes: [
    {
      operation: 'GET /v1/events/{id}',
      handle: (context) => findOr404(context.account, 'event', context.pathParams.id!),
    },
    {
      operation: 'GET /v1/events',
      handle(context) {
        const type = readString(context.params, 'type');
        const types = readStringArray(context.params, 'types');
        if (type !== undefined && types.length > 0) {
          throw invalidRequest('You may only specify one of these parameters: type, types.', { param: 'type' });
        }
        const matchers = (type !== undefined ? [type] : types).map(typeMatcher);
        // Stripe: false lists events still pending or failed at some endpoint; true, those every endpoint took.
        const deliverySuccess = readBoolean(context.params, 'delivery_success');
        return paginate(context, context.account.all('event'), {
          noun: 'event',
          filter: (event) =>
            (matchers.length === 0 || matchers.some((matches) => matches(event.type))) &&
            (deliverySuccess === undefined || (event.pending_webhooks === 0) === deliverySuccess),
        });
      },
    },
  ],
};
