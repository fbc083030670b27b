// "Nothing changed", asserted: a snapshot of one sandbox account (its events and files) and of the database rows that
// belong to it or to the test's users, compared before and after each bad input. Scoped, so parallel test files
// writing their own rows never make a row here fail. Left out on purpose: WebhookDeliveryFailure (a refused delivery is
// meant to be noted there, body never stored) and Setting (global; other files change the refund limit meanwhile).
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { expect } from 'vitest';
import type { ActionResult } from '@/lib/actions/action-result';
import type { Db } from '@/lib/db/client';

export interface Scope {
  stripe: Stripe;
  /** the test users acting in this group: their audit entries and saved views */
  actorIds: string[];
  /** ids the rows use that the account's events do not name (forged events, other accounts' objects) */
  extraIds?: string[];
  /** emails an invite would create a user for */
  userEmails?: string[];
  /** Connect accounts whose own events count too */
  connectedAccounts?: string[];
}

const hash = (rows: unknown[]): string => createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
const summary = (rows: unknown[]) => ({ count: rows.length, hash: hash(rows) });

async function accountEvents(stripe: Stripe, stripeAccount?: string): Promise<Stripe.Event[]> {
  return stripe.events.list({ limit: 100 }, stripeAccount ? { stripeAccount } : {}).autoPagingToArray({ limit: 10_000 });
}

/** Everything a bad input could have changed, as counts and hashes. */
export async function snapshotState(scope: Scope, db: Db) {
  const events = (await Promise.all([undefined, ...(scope.connectedAccounts ?? [])].map((account) => accountEvents(scope.stripe, account)))).flat();
  const files = await scope.stripe.files.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  const balanceTransactions = await scope.stripe.balanceTransactions.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  const ids = [...new Set([...events.map((event) => (event.data.object as { id?: string }).id ?? ''), ...(scope.extraIds ?? [])])].filter(Boolean);
  const byId = { where: { id: { in: ids } }, orderBy: { id: 'asc' as const } };
  const [audit, views, users, stripeEvents, customers, intents, charges, refunds, disputes, setups, quotes, invoices, creditNotes] = await Promise.all([
    db.auditEntry.findMany({ where: { actorId: { in: scope.actorIds } }, orderBy: { id: 'asc' } }),
    db.paymentSavedView.findMany({ where: { userId: { in: scope.actorIds } }, orderBy: { id: 'asc' } }),
    db.user.findMany({ where: { email: { in: scope.userEmails ?? [] } }, orderBy: { id: 'asc' } }),
    db.stripeEvent.findMany({ where: { OR: [{ id: { in: ids } }, { objectId: { in: ids } }] }, orderBy: { id: 'asc' } }),
    db.stripeCustomer.findMany(byId),
    db.stripePaymentIntent.findMany(byId),
    db.stripeCharge.findMany(byId),
    db.stripeRefund.findMany(byId),
    db.stripeDispute.findMany(byId),
    db.stripeSetupIntent.findMany(byId),
    db.stripeQuote.findMany(byId),
    db.stripeInvoice.findMany(byId),
    db.stripeCreditNote.findMany(byId),
  ]);
  return {
    sandbox: { events: events.length, files: files.length, balanceTransactions: balanceTransactions.length },
    db: {
      audit: summary(audit),
      views: summary(views),
      users: summary(users),
      stripeEvents: summary(stripeEvents),
      projection: summary([customers, intents, charges, refunds, disputes, setups, quotes, invoices, creditNotes]),
    },
  };
}

/** Words a user can act on: no stack trace, no exception names, no raw Stripe wording or request ids. */
export function expectClearMessage(message: unknown): void {
  expect(typeof message).toBe('string');
  const text = String(message);
  expect(text.length).toBeGreaterThan(5);
  expect(text.length).toBeLessThan(300);
  expect(text).not.toMatch(/\bat .+:\d+:\d+|Error:|Exception|TypeError|undefined|null|\[object|Prisma|SQLITE|req_[A-Za-z0-9]|No such |Invalid (string|integer|array|input)|Too (big|small)|expected (string|number)|stripe\.com\/docs/i);
}

export interface Refusal {
  code?: string | RegExp;
  /** the field the message is shown on; `form` for a form-level message */
  field?: string;
  message?: string | RegExp;
}

/** The action refused, with a clear message in the place the form shows it. */
export function expectRefusal(result: ActionResult<unknown>, refusal: Refusal): void {
  expect(result.ok, `expected a refusal, got ${JSON.stringify(result)}`).toBe(false);
  if (result.ok) return;
  // "Something went wrong" is for our own failures; bad input must be recognised and explained.
  expect(result.code, result.message).not.toBe('unexpected');
  if (refusal.code !== undefined) expect(result.code).toMatch(refusal.code);
  expectClearMessage(result.message);
  const shown = refusal.field === undefined ? result.message : result.fieldErrors?.[refusal.field];
  if (refusal.field !== undefined) expect(result.fieldErrors, `field errors of ${JSON.stringify(result)}`).toHaveProperty([refusal.field]);
  expectClearMessage(shown);
  if (refusal.message !== undefined) expect(shown).toMatch(refusal.message);
}
