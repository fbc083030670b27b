// The platform's fees on sellers' charges, as application_fee.* events confirmed them.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';

export async function listApplicationFees(options: { accountId?: string } = {}, dependencies: { db?: Pick<Db, 'stripeApplicationFee'> } = {}) {
  const db = dependencies.db ?? defaultDb;
  return db.stripeApplicationFee.findMany({
    where: options.accountId ? { accountId: options.accountId } : {},
    orderBy: [{ created: 'desc' }, { id: 'desc' }],
    take: 200,
    select: { id: true, amount: true, amountRefunded: true, currency: true, accountId: true, originatingChargeId: true, created: true },
  });
}
