// Stripe's webhook signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" keyed by the whsec secret>`.
import { createHmac } from 'node:crypto';

export function signatureHeader(payload: string, secret: string, timestampSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}
