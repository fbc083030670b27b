// /disputes: placeholder until its issue lands; already guarded by its permission.
import { ComingSoon } from '@/components/coming-soon';
import { requirePermission } from '@/lib/auth/require-role';

export const metadata = { title: 'Disputes · Paydesk' };

export default async function Page() {
  await requirePermission('disputes:view');
  return <ComingSoon title="Disputes" description="Open disputes and the evidence submitted for them." />;
}
