// One form submission = one idempotency key, for Connect's money-moving actions (as lib/payments/form-submission.ts).
import 'server-only';
import type { SessionUser } from '@/lib/auth/require-role';

export type ConnectAction = 'create-destination-charge' | 'create-transfer' | 'create-payout';

export function connectIdempotencyKey(action: ConnectAction, actor: SessionUser, nonce: string): string {
  return `${action}:${actor.id}:${nonce}`;
}
