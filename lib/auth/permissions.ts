// Which role may do what: the one table that navigation, pages and actions all consult.

export const ROLES = ['admin', 'support', 'seller'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * admin: the merchant, everything. support: reads everything (Connect accounts too, to see where a seller got
 * stuck), works disputes and refunds up to a limit, never moves Connect money or changes Settings. seller: a Connect seller, only their own onboarding and payments (the
 * queries behind those pages scope to the seller's account).
 */
const TABLE = {
  'overview:view': ['admin', 'support', 'seller'],
  'payments:view': ['admin', 'support', 'seller'],
  'payments:refund': ['admin', 'support'],
  // One merchant payment's page. A seller's own payments (Connect) are shown elsewhere, never the merchant's.
  'payments:view-merchant': ['admin', 'support'],
  // Taking money is the merchant's call.
  'payments:create': ['admin'],
  'payments:confirm': ['admin'],
  'payments:capture': ['admin'],
  // Canceling a hold gives up the whole authorized amount, which support's refund limit does not bound.
  'payments:cancel': ['admin'],
  'customers:view': ['admin', 'support'],
  // Creating a customer starts a billing relationship: the merchant's call.
  'customers:create': ['admin'],
  // Support fixes contact details while on a call with the customer, so it may update.
  'customers:update': ['admin', 'support'],
  'disputes:view': ['admin', 'support'],
  'disputes:respond': ['admin', 'support'],
  'quotes:view': ['admin', 'support'],
  'quotes:manage': ['admin'],
  // Invoices come from accepted quotes; finalizing and collecting them is the merchant's call.
  'invoices:view': ['admin', 'support'],
  'invoices:manage': ['admin'],
  'credit-notes:view': ['admin', 'support'],
  // A credit note can refund or credit any amount up to the invoice's total, which support's refund limit does not
  // bound, so issuing and voiding them stays with the merchant.
  'credit-notes:create': ['admin'],
  'credit-notes:void': ['admin'],
  'setup-diagnostics:view': ['admin', 'support'],
  'connect:view': ['admin', 'support', 'seller'],
  // The platform's side read-only: accounts, requirement history, orders, transfers and payouts.
  'connect:view-accounts': ['admin', 'support'],
  'connect:manage': ['admin'],
  // Only the seller onboards their own account: the link it opens is a credential for that account.
  'connect:onboard': ['seller'],
  // Support reads the event log to answer "did Stripe tell us?" questions; changing the projection is the merchant's.
  'events:view': ['admin', 'support'],
  'events:replay': ['admin'],
  'audit:view': ['admin'],
  'settings:view': ['admin'],
  'settings:update': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof TABLE;

export function can(role: Role, permission: Permission): boolean {
  return (TABLE[permission] as readonly Role[]).includes(role);
}

export function rolesWith(permission: Permission): readonly Role[] {
  return TABLE[permission];
}

/** Default for support's refund limit (minor units) until an admin changes it in Settings. */
export const DEFAULT_SUPPORT_REFUND_LIMIT = 50_000;

/** Admins refund any amount; support up to `supportLimit` minor units; sellers never. */
export function canRefund(role: Role, amount: number, supportLimit: number): boolean {
  if (!Number.isInteger(amount) || amount <= 0 || !can(role, 'payments:refund')) return false;
  return role === 'admin' || amount <= supportLimit;
}
