// Statements straight on the driver Prisma opened: committed together, rolled back together, values read back typed.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, driverSql, inDriverTransaction, Prisma } from '@/lib/db/client';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const insertCustomer = (id: string, isDeleted = false) =>
  Prisma.sql`INSERT INTO "StripeCustomer" ("id", "email", "name", "phone", "created", "isDeleted", "updatedFromEventCreated", "updatedFromEventId", "source", "raw", "updatedAt")
    VALUES (${id}, ${'a@example.com'}, ${'Ada'}, ${null}, ${1_700_000_000}, ${isDeleted}, ${1_700_000_001}, ${null}, ${'sync'}, ${'{}'}, ${new Date()})`;

describe('driver transactions', () => {
  it('commits every statement of the work together, visible to Prisma afterwards', async () => {
    const [first, second] = [`cus_${randomUUID()}`, `cus_${randomUUID()}`];
    await inDriverTransaction(db, async (sql) => {
      await sql.execute(insertCustomer(first!));
      await sql.execute(insertCustomer(second!, true));
    });
    expect(await db.stripeCustomer.count({ where: { id: { in: [first!, second!] } } })).toBe(2);
  });

  it('rolls every statement back when the work throws, and rethrows its error', async () => {
    const id = `cus_${randomUUID()}`;
    await expect(
      inDriverTransaction(db, async (sql) => {
        await sql.execute(insertCustomer(id));
        throw new Error('the batch failed');
      }),
    ).rejects.toThrow('the batch failed');
    expect(await db.stripeCustomer.count({ where: { id } })).toBe(0);
  });

  it('rolls back on a failing statement (a duplicate id) and leaves the connection usable', async () => {
    const id = `cus_${randomUUID()}`;
    await expect(
      inDriverTransaction(db, async (sql) => {
        await sql.execute(insertCustomer(`${id}_kept_only_if_committed`));
        await sql.execute(insertCustomer(id));
        await sql.execute(insertCustomer(id));
      }),
    ).rejects.toThrow();
    expect(await db.stripeCustomer.count({ where: { id: { startsWith: id } } })).toBe(0);
    await inDriverTransaction(db, (sql) => sql.execute(insertCustomer(id)));
    expect(await db.stripeCustomer.count({ where: { id } })).toBe(1);
  });

  it('reads integers as numbers and Booleans as booleans on either engine', async () => {
    const id = `cus_${randomUUID()}`;
    await inDriverTransaction(db, (sql) => sql.execute(insertCustomer(id, true)));
    const sql = await driverSql(db);
    const [row] = await sql.query<{ created: unknown; isDeleted: unknown; phone: unknown }>(Prisma.sql`SELECT "created", "isDeleted", "phone" FROM "StripeCustomer" WHERE "id" = ${id}`);
    expect(row).toEqual({ created: 1_700_000_000, isDeleted: true, phone: null });
  });
});
