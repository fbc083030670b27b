// Connected accounts (Express and controller-style): create, retrieve, update, list, delete, login
// links; requirements and capabilities until onboarding is submitted, then charges and payouts enabled.
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { deleteWithTombstone, findOr404, findOrTombstone } from '../core/crud';
import { previousAttributes, type EventSource } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { has, readObject, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { publicBaseUrl } from '../hosted/public-url';
import type { RequestContext } from '../http/route';
import { invalidRequest } from '../http/stripe-error';
import type { ParamObject } from '../params/validate-params';
import type { Account as StoreAccount } from '../store/account';
import { newId, nowSeconds, randomAlphanumeric } from '../store/ids';
import { recordCapabilityChanges } from './account-capabilities';
import { connectedStoreAccount, recordConnectEvent } from './connect-store';

type Account = Stripe.Account;
type CapabilityStatus = 'active' | 'inactive' | 'pending';

/** The platform's Connect application id (`ca_…`), stable per platform key. */
export const platformApplicationId = (platform: StoreAccount): string =>
  `ca_${createHash('sha256').update(platform.key).digest('base64url').replace(/[-_]/g, '').slice(0, 32)}`;

/** What a new account must still provide before it may take charges and receive payouts (US, Stripe-hosted). */
function initialRequirements(businessType: Stripe.Account.BusinessType | null): string[] {
  const person =
    businessType === 'company'
      ? ['company.name', 'company.tax_id', 'representative.first_name', 'representative.last_name', 'representative.dob.day', 'representative.dob.month', 'representative.dob.year']
      : ['individual.first_name', 'individual.last_name', 'individual.dob.day', 'individual.dob.month', 'individual.dob.year'];
  return [
    'business_profile.mcc',
    'business_profile.url',
    ...(businessType ? [] : ['business_type']),
    'external_account',
    ...person,
    'tos_acceptance.date',
    'tos_acceptance.ip',
  ].sort();
}

function requirementsOf(due: string[]): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: due,
    disabled_reason: due.length > 0 ? 'requirements.past_due' : null,
    errors: [],
    eventually_due: due,
    past_due: due,
    pending_verification: [],
  };
}

const noFutureRequirements = (): Stripe.Account.FutureRequirements => ({
  alternatives: [],
  current_deadline: null,
  currently_due: [],
  disabled_reason: null,
  errors: [],
  eventually_due: [],
  past_due: [],
  pending_verification: [],
});

type AccountType = Stripe.Account.Type;

/** `type=express|standard|custom`, or the controller properties that describe the same thing. */
function readKind(params: ParamObject): { type: AccountType; controller: Stripe.Account.Controller } {
  const type = readString(params, 'type') as AccountType | undefined;
  const controller = readObject(params, 'controller');
  if (type && controller) throw invalidRequest('You cannot specify both `type` and `controller`. Use `controller` only.', { param: 'controller' });
  const dashboard = (controller && readString(readObject(controller, 'stripe_dashboard') ?? {}, 'type')) ?? undefined;
  const kind: AccountType =
    type ??
    (dashboard === 'express' ? 'express' : dashboard === 'full' ? 'standard' : controller && readString(controller, 'requirement_collection') === 'application' ? 'custom' : controller ? 'none' : 'standard');
  if (kind === 'standard') return { type: kind, controller: { type: 'account' } };
  const requirementCollection = kind === 'custom' || (controller && readString(controller, 'requirement_collection') === 'application') ? 'application' : 'stripe';
  return {
    type: kind,
    controller: {
      fees: { payer: kind === 'express' ? 'application_express' : 'application' },
      is_controller: true,
      losses: { payments: 'application' },
      requirement_collection: requirementCollection,
      stripe_dashboard: { type: kind === 'express' ? 'express' : 'none' },
      type: 'application',
    },
  };
}

function readCapabilities(params: ParamObject, current: Stripe.Account.Capabilities): Stripe.Account.Capabilities {
  const requested = readObject(params, 'capabilities');
  if (!requested) return current;
  const next: Record<string, CapabilityStatus> = { ...(current as Record<string, CapabilityStatus>) };
  for (const [name, value] of Object.entries(requested)) {
    const wanted = typeof value === 'object' && !Array.isArray(value) ? value.requested : undefined;
    if (wanted === true && !next[name]) next[name] = 'inactive';
    if (wanted === false) delete next[name];
  }
  return next as Stripe.Account.Capabilities;
}

function readBusinessProfile(params: ParamObject, current: Stripe.Account.BusinessProfile | null | undefined): Stripe.Account.BusinessProfile {
  const base: Stripe.Account.BusinessProfile = current ?? {
    mcc: null,
    minority_owned_business_designation: null,
    name: null,
    product_description: null,
    specified_commercial_transactions_act_url: null,
    support_address: null,
    support_email: null,
    support_phone: null,
    support_url: null,
    url: null,
    annual_revenue: null,
    estimated_worker_count: null,
  };
  const given = readObject(params, 'business_profile');
  if (!given) return base;
  const next = { ...base };
  for (const key of ['mcc', 'name', 'product_description', 'support_email', 'support_phone', 'support_url', 'url'] as const) {
    if (has(given, key)) next[key] = readString(given, key) || null;
  }
  return next;
}

const emptyExternalAccounts = (id: string): Stripe.ApiList<Stripe.BankAccount | Stripe.Card> => ({
  object: 'list',
  data: [],
  has_more: false,
  url: `/v1/accounts/${id}/external_accounts`,
});

function buildAccount(params: ParamObject): Account {
  const id = `acct_${randomAlphanumeric(16)}`;
  const { type, controller } = readKind(params);
  const businessType = (readString(params, 'business_type') as Stripe.Account.BusinessType | undefined) ?? null;
  const country = (readString(params, 'country') ?? 'US').toUpperCase();
  const due = initialRequirements(businessType);
  return {
    id,
    object: 'account',
    business_profile: readBusinessProfile(params, null),
    business_type: businessType,
    capabilities: readCapabilities(params, {}),
    charges_enabled: false,
    controller,
    country,
    created: nowSeconds(),
    default_currency: readString(params, 'default_currency')?.toLowerCase() ?? (country === 'US' ? 'usd' : 'eur'),
    details_submitted: false,
    email: readString(params, 'email') ?? null,
    external_accounts: emptyExternalAccounts(id),
    future_requirements: noFutureRequirements(),
    metadata: applyMetadata({}, params),
    payouts_enabled: false,
    requirements: requirementsOf(due),
    settings: {
      bacs_debit_payments: { display_name: null, service_user_number: null },
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_issuing: { tos_acceptance: { date: null, ip: null } },
      card_payments: { decline_on: { avs_failure: false, cvc_failure: false }, statement_descriptor_prefix: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      dashboard: { display_name: null, timezone: 'Etc/UTC' },
      invoices: { default_account_tax_ids: null, hosted_payment_method_save: 'offer' },
      payments: { statement_descriptor: null, statement_descriptor_kana: null, statement_descriptor_kanji: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      payouts: { debit_negative_balances: true, schedule: { delay_days: 2, interval: 'daily' }, statement_descriptor: null },
      sepa_debit_payments: {},
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type,
  };
}

export const findAccount = (account: StoreAccount, id: string, param = 'account'): Account => findOr404(account, 'account', id, param);

/** Stores a changed account and sends `account.updated` (a Connect event) when anything changed. */
export function saveAccount(platformSource: EventSource, before: Account, after: Account): Account {
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length === 0) return before;
  platformSource.account.put('account', after);
  recordConnectEvent(platformSource, after.id, 'account.updated', after, previous);
  recordCapabilityChanges(platformSource, before, after);
  return after;
}

function create(context: RequestContext): Account {
  const created = context.account.put('account', buildAccount(context.params));
  // Stripe has no `account.created`; the account's own store starts empty.
  connectedStoreAccount(context.account, created.id);
  return created;
}

function update(context: RequestContext): Account {
  const { params } = context;
  const before = findAccount(context.account, context.pathParams.account!, 'account');
  const businessType = has(params, 'business_type') ? ((readString(params, 'business_type') as Stripe.Account.BusinessType | undefined) ?? null) : before.business_type ?? null;
  let requirements = before.requirements;
  if (businessType !== before.business_type && !before.details_submitted) requirements = requirementsOf(initialRequirements(businessType));
  const after: Account = {
    ...before,
    business_profile: readBusinessProfile(params, before.business_profile),
    business_type: businessType,
    capabilities: readCapabilities(params, before.capabilities ?? {}),
    email: has(params, 'email') ? (readString(params, 'email') ?? null) : before.email,
    metadata: applyMetadata(before.metadata ?? {}, params),
    requirements,
  };
  return saveAccount(context, before, after);
}

export interface OnboardingDetails {
  businessName: string;
  firstName: string;
  lastName: string;
  routingNumber: string;
  accountNumber: string;
  ip: string;
  userAgent: string | null;
}

/** The seller submitted the hosted onboarding form: everything due is provided, the account is enabled. */
export function completeOnboarding(platformSource: EventSource, accountId: string, details: OnboardingDetails): Account {
  const before = findAccount(platformSource.account, accountId);
  const bankAccount: Stripe.BankAccount = {
    id: newId('ba'),
    object: 'bank_account',
    account: accountId,
    account_holder_name: `${details.firstName} ${details.lastName}`,
    account_holder_type: before.business_type === 'company' ? 'company' : 'individual',
    account_type: null,
    available_payout_methods: ['standard', 'instant'],
    bank_name: 'STRIPE TEST BANK',
    country: before.country ?? 'US',
    currency: before.default_currency ?? 'usd',
    default_for_currency: true,
    fingerprint: createHash('sha256').update(`${details.routingNumber}/${details.accountNumber}`).digest('base64url').slice(0, 16),
    future_requirements: { currently_due: [], errors: [], past_due: [], pending_verification: [] },
    last4: details.accountNumber.slice(-4),
    metadata: {},
    requirements: { currently_due: [], errors: [], past_due: [], pending_verification: [] },
    routing_number: details.routingNumber,
    status: 'new',
  };
  const capabilities = Object.fromEntries(Object.keys(before.capabilities ?? {}).map((name) => [name, 'active']));
  const after: Account = {
    ...before,
    business_profile: { ...readBusinessProfile({}, before.business_profile), name: details.businessName, mcc: before.business_profile?.mcc ?? '5734', url: before.business_profile?.url ?? null },
    business_type: before.business_type ?? 'individual',
    capabilities: capabilities as Stripe.Account.Capabilities,
    charges_enabled: true,
    details_submitted: true,
    external_accounts: { ...emptyExternalAccounts(accountId), data: [bankAccount] },
    payouts_enabled: true,
    requirements: requirementsOf([]),
    tos_acceptance: { date: nowSeconds(), ip: details.ip, user_agent: details.userAgent },
  };
  recordConnectEvent(platformSource, accountId, 'account.external_account.created', bankAccount);
  return saveAccount(platformSource, before, after);
}

/**
 * Test control: Stripe asks the account for more (a document, a tax id) as it would after a review; with
 * `past_due` items charges and payouts stop until the seller provides them through a new onboarding link.
 */
export function requestRequirements(platformSource: EventSource, accountId: string, currentlyDue: string[], pastDue: boolean): Account {
  const before = findAccount(platformSource.account, accountId);
  const due = [...new Set(currentlyDue)].sort();
  const capabilities = pastDue ? Object.fromEntries(Object.keys(before.capabilities ?? {}).map((name) => [name, 'inactive'])) : before.capabilities;
  const after: Account = {
    ...before,
    capabilities: capabilities as Stripe.Account.Capabilities,
    charges_enabled: pastDue ? false : before.charges_enabled,
    payouts_enabled: pastDue ? false : before.payouts_enabled,
    requirements: {
      ...requirementsOf(due),
      past_due: pastDue ? due : [],
      disabled_reason: pastDue ? 'requirements.past_due' : null,
      current_deadline: pastDue ? null : nowSeconds() + 14 * 86_400,
    },
  };
  return saveAccount(platformSource, before, after);
}

/** The bank account an account's payouts go to, if onboarding gave it one. */
export function defaultBankAccount(account: Account): Stripe.BankAccount | undefined {
  return account.external_accounts?.data.find((external): external is Stripe.BankAccount => external.object === 'bank_account');
}

function createLoginLink(context: RequestContext): Stripe.LoginLink {
  const account = findAccount(context.account, context.pathParams.account!, 'account');
  if (account.type !== 'express') {
    throw invalidRequest(`Cannot create a login link for the account ${account.id}, which is not an Express account.`, { param: 'account' });
  }
  if (!account.details_submitted) throw invalidRequest('Cannot create a login link for an account that has not completed onboarding.', { param: 'account' });
  return { object: 'login_link', created: nowSeconds(), url: `${publicBaseUrl()}/_sandbox/connect/express/${account.id}/${randomAlphanumeric(12)}` };
}

export const accounts: ResourceModule = {
  routes: [
    { operation: 'POST /v1/accounts', handle: create },
    { operation: 'GET /v1/accounts/{account}', handle: (c) => findOrTombstone(c.account, 'account', c.pathParams.account!) },
    { operation: 'POST /v1/accounts/{account}', handle: update },
    { operation: 'GET /v1/accounts', handle: (c) => paginate(c, c.account.all('account').map((a) => ({ ...a, created: a.created ?? 0 })), { noun: 'account' }) },
    {
      operation: 'DELETE /v1/accounts/{account}',
      handle(context) {
        const account = findAccount(context.account, context.pathParams.account!, 'account');
        return deleteWithTombstone(context.account, 'account', account.id);
      },
    },
    { operation: 'POST /v1/accounts/{account}/login_links', handle: createLoginLink },
  ],
};
