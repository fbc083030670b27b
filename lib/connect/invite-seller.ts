// An admin invites a seller: a sign-in account with the seller role, who then starts onboarding themselves.
import 'server-only';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import { createUserAccount } from '@/lib/auth/create-user-account';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import type { InviteSellerInput } from './connect-input';

export async function inviteSeller(options: InviteSellerInput & { actor: SessionUser }, dependencies: { db?: Pick<Db, 'auditEntry'> } = {}): Promise<{ userId: string }> {
  const db = dependencies.db ?? defaultDb;
  const account = await createUserAccount({ email: options.email, name: options.name, role: 'seller', password: options.password });
  if (!account.created) throw new ActionError('conflict', 'Someone already signs in with that email.', { email: 'Someone already signs in with that email.' });
  await recordAuditEntry({ actor: options.actor, action: 'invite-seller', objectId: account.id, detail: { email: options.email } }, db);
  return { userId: account.id };
}
