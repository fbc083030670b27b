// /quotes: placeholder until its issue lands; already guarded by its permission.
import { ComingSoon } from '@/components/coming-soon';
import { requirePermission } from '@/lib/auth/require-role';

export const metadata = { title: 'Quotes · Paydesk' };

export default async function Page() {
  await requirePermission('quotes:view');
  return <ComingSoon title="Quotes" description="Quotes sent to customers and their status." />;
}
