// /credit-notes: placeholder until its issue lands; already guarded by its permission.
import { ComingSoon } from '@/components/coming-soon';
import { requirePermission } from '@/lib/auth/require-role';

export const metadata = { title: 'Credit notes · Paydesk' };

export default async function Page() {
  await requirePermission('credit-notes:view');
  return <ComingSoon title="Credit notes" description="Credit notes issued against invoices." />;
}
