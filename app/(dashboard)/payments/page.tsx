// /payments: placeholder until its issue lands; already guarded by its permission.
import { ComingSoon } from '@/components/coming-soon';
import { requirePermission } from '@/lib/auth/require-role';

export const metadata = { title: 'Payments · Paydesk' };

export default async function Page() {
  await requirePermission('payments:view');
  return <ComingSoon title="Payments" description="Payments, their refunds and captures." />;
}
