// An account's orders: the transfer groups of the transfers it received, newest first.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';

export async function listOrderGroups(options: { accountId?: string } = {}, dependencies: { db?: Pick<Db, 'stripeTransfer'> } = {}): Promise<string[]> {
  const db = dependencies.db ?? defaultDb;
  const rows = await db.stripeTransfer.findMany({
    where: { transferGroup: { not: null }, ...(options.accountId ? { destinationAccountId: options.accountId } : {}) },
    orderBy: { created: 'desc' },
    select: { transferGroup: true },
    take: 200,
  });
  return [...new Set(rows.map((row) => row.transferGroup).filter((group): group is string => group !== null))];
}
