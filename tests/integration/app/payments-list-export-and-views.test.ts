// CSV export of everything a filter matches, and saved views, on the real database.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { makeValidatedAction } from '@/lib/actions/make-validated-action';
import type { SessionUser } from '@/lib/auth/require-role';
import { createDb } from '@/lib/db/client';
import { csvCell, exportPaymentsCsv } from '@/lib/payments/export-payments-csv';
import { deletePaymentView, deleteViewSchema, listSavedViews, savePaymentView, saveViewSchema } from '@/lib/payments/saved-views';
import { sandboxStripe } from '../../support/sandbox';
import { insertProjectedPayments, pay, projectAllEvents, runTag } from './payments-list-fixtures';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

async function csvOf(chunks: AsyncGenerator<string>): Promise<{ text: string; chunks: number }> {
  let text = '';
  let count = 0;
  for await (const chunk of chunks) {
    text += chunk;
    count += 1;
  }
  return { text, chunks: count };
}

/** Splits RFC 4180 text into rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endCell();
    else if (char === '\r' && text[index + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      index += 1;
    } else cell += char;
  }
  return rows;
}

async function createUser(role: SessionUser['role']): Promise<SessionUser> {
  const id = `user_${randomUUID()}`;
  const email = `${id}@paydesk.test`;
  await db.user.create({ data: { id, email, name: role, role } });
  return { id, email, name: role, role };
}

describe('CSV export', () => {
  it('covers every match across many batches, in list order, and nothing else', async () => {
    const tag = runTag('csv');
    const inserted = await insertProjectedPayments(db, { tag, count: 53, newest: 1_800_100_000, sameSecondEvery: 3 });
    await insertProjectedPayments(db, { tag: runTag('other'), count: 5, newest: 1_800_100_000 });
    const { text, chunks } = await csvOf(exportPaymentsCsv({ filter: { searchTerms: [tag] }, batchSize: 10 }, db));
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['id', 'created_utc', 'status', 'currency', 'amount', 'amount_received', 'amount_refunded', 'disputed', 'customer_id', 'customer_email', 'customer_name', 'description']);
    const ids = rows.slice(1).map((row) => row[0]);
    expect(ids).toHaveLength(53);
    expect(new Set(ids)).toEqual(new Set(inserted));
    // A header chunk and six batches of ten or fewer.
    expect(chunks).toBe(7);
    expect(rows[1]?.[1]).toBe(new Date(1_800_100_000 * 1000).toISOString());
  });

  it('writes amounts as decimal major units, customers from the projection, and defuses formula cells', async () => {
    const stripe = sandboxStripe();
    const tag = runTag('csvsandbox');
    const customer = await stripe.customers.create({ email: `csv-${tag}@example.com`, name: '=cmd|calc' });
    const usd = await pay(stripe, { amount: 12_345, currency: 'usd', customer: customer.id, description: '=HYPERLINK("http://evil.example","click"), then more', metadata: { run: tag } });
    const jpy = await pay(stripe, { amount: 5_000, currency: 'jpy', description: '@SUM(A1:A9)', metadata: { run: tag } });
    // The sandbox serves no three-decimal currency, so this one is written into the projection directly.
    const [kwdId] = await insertProjectedPayments(db, { tag, count: 1, newest: 1_800_000_000, currency: 'kwd', description: () => '+1 line\nbreak' });
    await stripe.refunds.create({ payment_intent: usd.id, amount: 345 });
    await projectAllEvents(stripe, db);

    const rows = parseCsv((await csvOf(exportPaymentsCsv({ filter: { searchTerms: [tag] } }, db))).text);
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byId.get(usd.id)?.slice(2)).toEqual(['succeeded', 'USD', '123.45', '123.45', '3.45', 'no', customer.id, customer.email, "'=cmd|calc", `'=HYPERLINK("http://evil.example","click"), then more`]);
    expect(byId.get(jpy.id)?.slice(2, 7)).toEqual(['succeeded', 'JPY', '5000', '5000', '0']);
    expect(byId.get(jpy.id)?.at(-1)).toBe("'@SUM(A1:A9)");
    expect([byId.get(kwdId)?.[4], byId.get(kwdId)?.at(-1)]).toEqual(['1.000', "'+1 line\nbreak"]);
  });

  it('prefixes every cell that a spreadsheet would run, and quotes only what needs quoting', () => {
    expect(['=1+1', '+1', '-1', '@x', '\tx', '\rx', 'plain', 'a,b', 'say "hi"'].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
      "\"'\rx\"",
      'plain',
      '"a,b"',
      '"say ""hi"""',
    ]);
  });
});

describe('saved views', () => {
  it('a user saves the current filter under a name, reuses it, replaces it by saving the same name, and deletes it', async () => {
    const user = await createUser('support');
    const saved = await savePaymentView({ userId: user.id, ...saveViewSchema.parse({ name: ' Big USD ', query: 'currency=usd&min=100&status=succeeded&after=pi_x' }) }, db);
    // Normalised: parameters in the list's order, no cursor.
    expect(saved).toMatchObject({ name: 'Big USD', query: 'status=succeeded&currency=usd&min=100' });
    await savePaymentView({ userId: user.id, ...saveViewSchema.parse({ name: 'Big USD', query: 'currency=usd&min=500' }) }, db);
    expect(await listSavedViews({ userId: user.id }, db)).toEqual([{ id: saved.id, name: 'Big USD', query: 'currency=usd&min=500' }]);
    expect(await deletePaymentView({ userId: user.id, viewId: saved.id }, db)).toBe(true);
    expect(await listSavedViews({ userId: user.id }, db)).toEqual([]);
  });

  it("keeps each user's views to themselves: another user neither sees nor deletes them", async () => {
    const [owner, other] = [await createUser('admin'), await createUser('support')];
    const view = await savePaymentView({ userId: owner.id, name: 'Mine', query: 'q=refund' }, db);
    expect(await listSavedViews({ userId: other.id }, db)).toEqual([]);
    expect(await deletePaymentView({ userId: other.id, viewId: view.id }, db)).toBe(false);
    expect(await listSavedViews({ userId: owner.id }, db)).toHaveLength(1);
  });

  it('refuses to save a nameless view or a filter that does not parse, through the action pipeline, and saves nothing', async () => {
    const user = await createUser('admin');
    const seller = await createUser('seller');
    const actionFor = (actor: SessionUser) =>
      makeValidatedAction({ getUser: async () => actor })({ name: 'save-payment-view', permission: 'payments:view-merchant', schema: saveViewSchema }, (input, { user: caller }) =>
        savePaymentView({ userId: caller.id, ...input }, db),
      );
    const form = (name: string, query: string) => {
      const data = new FormData();
      data.append('name', name);
      data.append('query', query);
      return data;
    };
    expect(await actionFor(user)(null, form('  ', 'status=succeeded'))).toMatchObject({ ok: false, fieldErrors: { name: 'Name this view.' } });
    expect(await actionFor(user)(null, form('Broken', 'min=10'))).toMatchObject({ ok: false, fieldErrors: { query: 'Fix the filter before saving it.' } });
    expect(await actionFor(seller)(null, form('Sneaky', 'status=succeeded'))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.paymentSavedView.count({ where: { userId: { in: [user.id, seller.id] } } })).toBe(0);
    expect(deleteViewSchema.safeParse({ viewId: '' }).success).toBe(false);
  });
});
