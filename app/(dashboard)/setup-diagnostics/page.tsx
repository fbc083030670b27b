// /setup-diagnostics: placeholder until its issue lands; already guarded by its permission.
import { ComingSoon } from '@/components/coming-soon';
import { requirePermission } from '@/lib/auth/require-role';

export const metadata = { title: 'Setup diagnostics · Paydesk' };

export default async function Page() {
  await requirePermission('setup-diagnostics:view');
  return <ComingSoon title="Setup diagnostics" description="SetupIntents and why their attempts failed." />;
}
