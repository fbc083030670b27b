// One word for where a connected account stands, from its projected columns.
export type AccountStatus = 'not_started' | 'onboarding' | 'restricted' | 'charges_enabled' | 'complete';

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  not_started: 'Onboarding not started',
  onboarding: 'Onboarding incomplete',
  restricted: 'Restricted: more details needed',
  charges_enabled: 'Charges enabled; payouts not yet',
  complete: 'Charges enabled, payouts enabled',
};

export function accountStatusOf(account: { detailsSubmitted: boolean; chargesEnabled: boolean; payoutsEnabled: boolean; onboardingStartedAt: Date | null }): AccountStatus {
  if (account.chargesEnabled && account.payoutsEnabled) return 'complete';
  if (account.chargesEnabled) return 'charges_enabled';
  if (account.detailsSubmitted) return 'restricted';
  return account.onboardingStartedAt ? 'onboarding' : 'not_started';
}
