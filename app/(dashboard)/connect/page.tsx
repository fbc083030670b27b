// /connect: placeholder until its issue lands; already guarded by its permission.
import { ComingSoon } from '@/components/coming-soon';
import { requirePermission } from '@/lib/auth/require-role';

export const metadata = { title: 'Connect · Paydesk' };

export default async function Page() {
  await requirePermission('connect:view');
  return <ComingSoon title="Connect" description="Connected seller accounts and their onboarding." />;
}
