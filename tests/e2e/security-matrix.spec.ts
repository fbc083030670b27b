// The role-by-action matrix: every server action and route handler, found in the source tree, called directly (not
// through the UI) as each role and anonymously. Only the roles lib/auth/permissions.ts grants get past the guard.
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { rolesWith, type Permission } from '../../lib/auth/permissions';
import { storageStateOf, ROLES, type Role } from './fixtures/roles';
import { builtServerActions, listRouteHandlers, listServerActions } from './fixtures/server-entry-points';

type Access = { permission: Permission } | { isPublic: string };

const ACTIONS: Record<string, Access> = {
  'app/sign-in/actions.ts#signInAction': { isPublic: 'signing in needs no session; throttled per account and address' },
  'app/(dashboard)/actions.ts#signOutAction': { isPublic: 'ends only the caller’s own session' },
  'app/(dashboard)/connect/actions.ts#inviteSellerAction': { permission: 'connect:manage' },
  'app/(dashboard)/connect/actions.ts#startOnboardingAction': { permission: 'connect:onboard' },
  'app/(dashboard)/connect/actions.ts#createDestinationChargeAction': { permission: 'connect:manage' },
  'app/(dashboard)/connect/actions.ts#createSourceTransferAction': { permission: 'connect:manage' },
  'app/(dashboard)/connect/actions.ts#createPayoutAction': { permission: 'connect:manage' },
  'app/(dashboard)/connect/actions.ts#refundOrderChargeAction': { permission: 'connect:manage' },
  'app/(dashboard)/credit-notes/new/actions.ts#previewCreditNoteAction': { permission: 'credit-notes:create' },
  'app/(dashboard)/credit-notes/new/actions.ts#createCreditNoteAction': { permission: 'credit-notes:create' },
  'app/(dashboard)/customers/actions.ts#createCustomerAction': { permission: 'customers:create' },
  'app/(dashboard)/customers/actions.ts#updateCustomerAction': { permission: 'customers:update' },
  'app/(dashboard)/disputes/[id]/actions.ts#saveDisputeDraftAction': { permission: 'disputes:respond' },
  'app/(dashboard)/disputes/[id]/actions.ts#submitDisputeEvidenceAction': { permission: 'disputes:respond' },
  'app/(dashboard)/disputes/[id]/actions.ts#acceptDisputeLossAction': { permission: 'disputes:respond' },
  'app/(dashboard)/events/actions.ts#replayEventAction': { permission: 'events:replay' },
  'app/(dashboard)/events/actions.ts#resendEventAction': { permission: 'events:replay' },
  'app/(dashboard)/events/actions.ts#checkMissedEventsAction': { permission: 'events:replay' },
  'app/(dashboard)/events/actions.ts#startSyncAction': { permission: 'events:replay' },
  'app/(dashboard)/events/actions.ts#refreshObjectAction': { permission: 'events:replay' },
  'app/(dashboard)/events/actions.ts#reconcileRangeAction': { permission: 'events:replay' },
  'app/(dashboard)/invoices/[id]/actions.ts#finalizeInvoiceAction': { permission: 'invoices:manage' },
  'app/(dashboard)/invoices/[id]/actions.ts#payInvoiceAction': { permission: 'invoices:manage' },
  'app/(dashboard)/invoices/[id]/actions.ts#voidCreditNoteAction': { permission: 'credit-notes:void' },
  'app/(dashboard)/payments/[id]/actions.ts#confirmPaymentAction': { permission: 'payments:confirm' },
  'app/(dashboard)/payments/[id]/actions.ts#capturePaymentAction': { permission: 'payments:capture' },
  'app/(dashboard)/payments/[id]/actions.ts#cancelPaymentAction': { permission: 'payments:cancel' },
  'app/(dashboard)/payments/[id]/actions.ts#refundPaymentAction': { permission: 'payments:refund' },
  'app/(dashboard)/payments/new/actions.ts#createPaymentAction': { permission: 'payments:create' },
  'app/(dashboard)/payments/views/actions.ts#savePaymentViewAction': { permission: 'payments:view-merchant' },
  'app/(dashboard)/payments/views/actions.ts#deletePaymentViewAction': { permission: 'payments:view-merchant' },
  'app/(dashboard)/quotes/[id]/actions.ts#finalizeQuoteAction': { permission: 'quotes:manage' },
  'app/(dashboard)/quotes/[id]/actions.ts#acceptQuoteAction': { permission: 'quotes:manage' },
  'app/(dashboard)/quotes/[id]/actions.ts#cancelQuoteAction': { permission: 'quotes:manage' },
  'app/(dashboard)/quotes/new/actions.ts#createQuoteAction': { permission: 'quotes:manage' },
  'app/(dashboard)/settings/actions.ts#updateSupportRefundLimitAction': { permission: 'settings:update' },
};

/**
 * Form values sent with each probe: none, so an allowed role is stopped by validation and nothing changes. An action
 * whose every field is optional gets a value its schema refuses instead.
 */
const PROBE_FIELDS: Record<string, Record<string, string>> = {
  'app/(dashboard)/events/actions.ts#startSyncAction': { restart: 'not-a-choice' },
};

interface RouteProbe {
  access: Access;
  /** the URL to call (dynamic segments filled in) */
  url?: string;
}

const ROUTES: Record<string, RouteProbe> = {
  'GET /payments/export': { access: { permission: 'payments:view-merchant' } },
  'POST /disputes/[id]/evidence-files': { access: { permission: 'disputes:respond' }, url: '/disputes/dp_matrix_probe/evidence-files' },
  'GET /api/connect/onboarding': { access: { permission: 'connect:onboard' } },
  'GET /api/auth/[...all]': { access: { isPublic: 'better-auth: session reads; sign-up and HTTP sign-in are disabled' } },
  'POST /api/auth/[...all]': { access: { isPublic: 'better-auth: sign-out; sign-up and HTTP sign-in are disabled' } },
  'POST /api/webhooks/stripe': { access: { isPublic: 'Stripe; every delivery must carry a valid signature' } },
};

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = [...ROLES, 'anonymous'];

async function requestAs(browser: Browser, caller: Caller, baseURL: string): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL, storageState: caller === 'anonymous' ? undefined : storageStateOf(caller) });
  return { request: context.request, close: () => context.close() };
}

/** What the guard said: the `code` of the action's result, or "passed" for a result or redirect past it. */
function guardAnswer(status: number, body: string): string {
  const code = /"code":"(unauthenticated|forbidden)"/.exec(body)?.[1];
  if (code) return code;
  expect(status, `no server error: ${body.slice(0, 300)}`).toBeLessThan(500);
  return 'passed';
}

function expectedAnswer(caller: Caller, permission: Permission): string {
  if (caller === 'anonymous') return 'unauthenticated';
  return rolesWith(permission).includes(caller) ? 'passed' : 'forbidden';
}

test.describe('role-by-action matrix', () => {
  test('every server action in app/**/actions.ts has an expectation, and every expectation an action', () => {
    expect(listServerActions().sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  test('every route handler in app/**/route.ts has an expectation, and every expectation a handler', () => {
    expect(listRouteHandlers().sort()).toEqual(Object.keys(ROUTES).sort());
  });

  test('the build holds every server action of the source (the matrix calls what is deployed)', () => {
    const built = builtServerActions();
    expect(listServerActions().filter((key) => !built.has(key))).toEqual([]);
  });

  for (const [key, access] of Object.entries(ACTIONS)) {
    if (!('permission' in access)) continue;
    test(`${key.split('#')[1]} (${access.permission}) runs only for ${rolesWith(access.permission).join(', ')}`, async ({ browser, baseURL }) => {
      const action = builtServerActions().get(key);
      expect(action, `${key} is in the build`).toBeDefined();
      // The body React sends for `action(previousState, formData)`: the arguments, the FormData's fields as `1_<name>`.
      const fields: Record<string, string> = { '0': JSON.stringify([null, '$K1']) };
      for (const [name, value] of Object.entries(PROBE_FIELDS[key] ?? {})) fields[`1_${name}`] = value;
      const answers: Record<string, string> = {};
      for (const caller of CALLERS) {
        const { request, close } = await requestAs(browser, caller, baseURL!);
        try {
          const response = await request.post(action!.pagePath, {
            multipart: fields,
            headers: { 'Next-Action': action!.id, Origin: baseURL!, Accept: 'text/x-component' },
            maxRedirects: 0,
          });
          answers[caller] = guardAnswer(response.status(), await response.text());
        } finally {
          await close();
        }
      }
      expect(answers).toEqual(Object.fromEntries(CALLERS.map((caller) => [caller, expectedAnswer(caller, access.permission)])));
    });
  }

  for (const [key, probe] of Object.entries(ROUTES)) {
    const access = probe.access;
    if (!('permission' in access)) continue;
    test(`${key} (${access.permission}) answers only ${rolesWith(access.permission).join(', ')}`, async ({ browser, baseURL }) => {
      const [method, path] = key.split(' ') as [string, string];
      const answers: Record<string, string> = {};
      for (const caller of CALLERS) {
        const { request, close } = await requestAs(browser, caller, baseURL!);
        try {
          const response = await request.fetch(probe.url ?? path, { method, headers: { Origin: baseURL! }, maxRedirects: 0 });
          const status = response.status();
          const location = response.headers()['location'] ?? '';
          if (status === 401 || (status >= 300 && status < 400 && new URL(location, baseURL).pathname === '/sign-in')) answers[caller] = 'unauthenticated';
          else if (status === 403) answers[caller] = 'forbidden';
          else {
            expect(status, `${caller}: no server error`).toBeLessThan(500);
            answers[caller] = 'passed';
          }
        } finally {
          await close();
        }
      }
      expect(answers).toEqual(Object.fromEntries(CALLERS.map((caller) => [caller, expectedAnswer(caller, access.permission)])));
    });
  }
});
