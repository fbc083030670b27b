// A connected account's requirement history for support: where a seller got stuck.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { splitRequirements } from './connected-account-columns';

/** What each account.updated added or cleared, newest first: where a seller got stuck. */
export async function listRequirementHistory(options: { accountId: string }, dependencies: { db?: Pick<Db, 'connectedAccountRequirementChange'> } = {}) {
  const db = dependencies.db ?? defaultDb;
  const rows = await db.connectedAccountRequirementChange.findMany({ where: { accountId: options.accountId }, orderBy: [{ eventCreated: 'desc' }, { createdAt: 'desc' }], take: 100 });
  return rows.map((row) => ({ ...row, added: splitRequirements(row.added), cleared: splitRequirements(row.cleared), currentlyDue: splitRequirements(row.currentlyDue) }));
}
