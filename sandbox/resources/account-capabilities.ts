// An account's capabilities as their own objects (`/v1/accounts/{id}/capabilities`), derived from the
// account, and the `capability.updated` events Stripe sends when one changes status.
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import type { EventSource } from '../core/events';
import type { ResourceModule } from '../core/resource-module';
import { resourceMissing } from '../http/stripe-error';
import { recordConnectEvent } from './connect-store';

const noRequirements = (): Stripe.Capability.FutureRequirements => ({
  alternatives: [],
  current_deadline: null,
  currently_due: [],
  disabled_reason: null,
  errors: [],
  eventually_due: [],
  past_due: [],
  pending_verification: [],
});

/** The capability `name` of `account`, with the account's outstanding requirements while it is not active. */
export function capabilityOf(account: Stripe.Account, name: string): Stripe.Capability {
  const status = (account.capabilities as Record<string, Stripe.Capability.Status | undefined> | undefined)?.[name] ?? 'unrequested';
  const requirements = account.requirements;
  const active = status === 'active' || status === 'unrequested';
  return {
    id: name,
    object: 'capability',
    account: account.id,
    future_requirements: noRequirements(),
    requested: status !== 'unrequested',
    requested_at: status === 'unrequested' ? null : (account.created ?? null),
    requirements:
      active || !requirements
        ? noRequirements()
        : {
            alternatives: [],
            current_deadline: requirements.current_deadline,
            currently_due: requirements.currently_due ?? [],
            disabled_reason: requirements.currently_due?.length ? 'requirements.fields_needed' : null,
            errors: [],
            eventually_due: requirements.eventually_due ?? [],
            past_due: requirements.past_due ?? [],
            pending_verification: [],
          },
    status,
  };
}

/** One `capability.updated` (a Connect event) per capability whose status the change moved. */
export function recordCapabilityChanges(platformSource: EventSource, before: Stripe.Account, after: Stripe.Account): void {
  const names = new Set([...Object.keys(before.capabilities ?? {}), ...Object.keys(after.capabilities ?? {})]);
  for (const name of names) {
    const previous = capabilityOf(before, name);
    const next = capabilityOf(after, name);
    if (previous.status === next.status) continue;
    recordConnectEvent(platformSource, after.id, 'capability.updated', next, { status: previous.status });
  }
}

export const accountCapabilities: ResourceModule = {
  routes: [
    {
      operation: 'GET /v1/accounts/{account}/capabilities',
      handle(context) {
        const account = findOr404(context.account, 'account', context.pathParams.account!, 'account');
        const data = Object.keys(account.capabilities ?? {})
          .sort()
          .map((name) => capabilityOf(account, name));
        return { object: 'list', data, has_more: false, url: `/v1/accounts/${account.id}/capabilities` };
      },
    },
    {
      operation: 'GET /v1/accounts/{account}/capabilities/{capability}',
      handle(context) {
        const account = findOr404(context.account, 'account', context.pathParams.account!, 'account');
        const name = context.pathParams.capability!;
        if (!(name in (account.capabilities ?? {}))) throw resourceMissing('capability', name, 'capability');
        return capabilityOf(account, name);
      },
    },
  ],
};
