// The ConnectedAccount columns an account object gives, whoever wrote it (webhook, create response, sync).
import type Stripe from 'stripe';

export interface RequirementLists {
  currentlyDue: string[];
  pastDue: string[];
  eventuallyDue: string[];
}

export function requirementListsOf(account: Stripe.Account): RequirementLists {
  return {
    currentlyDue: [...(account.requirements?.currently_due ?? [])].sort(),
    pastDue: [...(account.requirements?.past_due ?? [])].sort(),
    eventuallyDue: [...(account.requirements?.eventually_due ?? [])].sort(),
  };
}

/** Requirement names are stored comma-separated (the model keeps to types both engines share). */
export const joinRequirements = (names: readonly string[]): string => names.join(',');
export const splitRequirements = (stored: string): string[] => (stored ? stored.split(',') : []);

export function connectedAccountColumns(account: Stripe.Account) {
  const requirements = requirementListsOf(account);
  return {
    email: account.email ?? null,
    country: account.country ?? null,
    businessName: account.business_profile?.name ?? null,
    detailsSubmitted: account.details_submitted ?? false,
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    cardPaymentsStatus: account.capabilities?.card_payments ?? null,
    transfersStatus: account.capabilities?.transfers ?? null,
    currentlyDue: joinRequirements(requirements.currentlyDue),
    pastDue: joinRequirements(requirements.pastDue),
    eventuallyDue: joinRequirements(requirements.eventuallyDue),
    disabledReason: account.requirements?.disabled_reason ?? null,
    created: account.created ?? 0,
    raw: JSON.stringify(account),
  };
}
