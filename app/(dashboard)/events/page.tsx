// /events: placeholder until its issue lands; already guarded by its permission.
import { ComingSoon } from '@/components/coming-soon';
import { requirePermission } from '@/lib/auth/require-role';

export const metadata = { title: 'Events · Paydesk' };

export default async function Page() {
  await requirePermission('events:view');
  return <ComingSoon title="Events" description="Stripe events received by the webhook and how they were applied." />;
}
