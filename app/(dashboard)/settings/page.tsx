// /settings: admin-only configuration (support's refund limit).
import { SettingsForm } from '@/components/settings-form';
import { requirePermission } from '@/lib/auth/require-role';
import { getSupportRefundLimit } from '@/lib/settings/get-support-refund-limit';
import { updateSupportRefundLimitAction } from './actions';

export const metadata = { title: 'Settings · Paydesk' };

export default async function SettingsPage() {
  await requirePermission('settings:view');
  const supportRefundLimit = await getSupportRefundLimit();
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Settings
      </h1>
      <SettingsForm key={supportRefundLimit} action={updateSupportRefundLimitAction} supportRefundLimit={supportRefundLimit} />
    </section>
  );
}
