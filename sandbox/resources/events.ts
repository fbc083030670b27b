// Events: list (type, types[], created filters) and retrieve; recording lives in core/events.ts.
import { findOr404 } from '../core/crud';
import { paginate } from '../core/list';
import { readString, readStringArray } from '../core/read-params';
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
        return paginate(context, context.account.all('event'), {
          noun: 'event',
          filter: matchers.length === 0 ? undefined : (event) => matchers.some((matches) => matches(event.type)),
        });
      },
    },
  ],
};
