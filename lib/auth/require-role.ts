// Who is signed in, and the guards every page, server action and route handler calls.
import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from './auth';
import { isRole, rolesWith, type Permission, type Role } from './permissions';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The signed-in user, or null. One session lookup per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  // headers() first: during `next build` it ends prerendering before auth() is ever built.
  const requestHeaders = await headers();
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, email, name, role } = session.user;
  // An account with a role we don't know gets nothing rather than a guess.
  if (!isRole(role)) return null;
  return { id, email, name, role };
});

/** The signed-in user; anyone else is sent to /sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  return user;
}

/** The signed-in user if their role is one of `roles`; otherwise 403 (Next's forbidden UI). */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

/** requireRole with the roles lib/auth/permissions.ts grants `permission`. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  return requireRole(...rolesWith(permission));
}
