// Creates a sign-in account (user + password credential) unless one exists for the email.
import 'server-only';
import { auth } from './auth';
import type { Role } from './permissions';

export interface CreateUserAccountOptions {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Idempotent by email: an existing account is left exactly as it is. */
export async function createUserAccount(options: CreateUserAccountOptions): Promise<{ id: string; created: boolean }> {
  const context = await auth().$context;
  const email = options.email.toLowerCase();
  const existing = await context.internalAdapter.findUserByEmail(email);
  if (existing) return { id: existing.user.id, created: false };
  // Public sign-up is disabled, so accounts are written through better-auth's own adapter and hasher.
  const user = await context.internalAdapter.createUser(
    { email, name: options.name, role: options.role, emailVerified: true },
    { method: 'admin' },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await context.password.hash(options.password),
  });
  return { id: user.id, created: true };
}
