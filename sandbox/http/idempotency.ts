// Idempotency-Key handling for POSTs: replay stored results, refuse reuse with other parameters or
// while the first request still runs; records expire after 24 hours.
import type { Account } from '../store/account';
import type { FormValue } from './form-value';
import { StripeApiError } from './stripe-error';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface IdempotencyRecord {
  path: string;
  fingerprint: string;
  createdAt: number;
  inFlight: boolean;
  status?: number;
  body?: string;
}

export type IdempotencyDecision = { kind: 'execute' } | { kind: 'replay'; status: number; body: string };

/** Key order must not matter: the SDK may encode the same parameters in a different order. */
export function fingerprintParams(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(fingerprintParams).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${fingerprintParams(value[key]!)}`).join(',')}}`;
}

/** Decides what to do with a POST carrying `key`, reserving the key when the request should run. */
export function beginIdempotent(
  account: Account,
  key: string,
  path: string,
  params: FormValue,
  now = Date.now(),
): IdempotencyDecision {
  const fingerprint = fingerprintParams(params);
  const existing = account.idempotency.get(key);
  if (existing && now - existing.createdAt < IDEMPOTENCY_TTL_MS) {
    if (existing.path !== path) {
      throw new StripeApiError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${path}' vs '${existing.path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (existing.fingerprint !== fingerprint) {
      throw new StripeApiError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (existing.inFlight || existing.status === undefined || existing.body === undefined) {
      throw new StripeApiError(409, {
        type: 'idempotency_error',
        code: 'idempotency_key_in_use',
        message: `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
      });
    }
    return { kind: 'replay', status: existing.status, body: existing.body };
  }
  // The reservation lives in memory only; the journal gets the finished record. Deleting first moves a
  // reused expired key to the end, keeping the map in creation order for sweepExpired().
  account.idempotency.delete(key);
  account.idempotency.set(key, { path, fingerprint, createdAt: now, inFlight: true });
  return { kind: 'execute' };
}

/** Stores the outcome so later requests with the same key replay it. */
export function finishIdempotent(account: Account, key: string, status: number, body: string, now = Date.now()): void {
  const record = account.idempotency.get(key);
  if (!record) return;
  account.saveIdempotency(key, { ...record, inFlight: false, status, body });
  sweepExpired(account, now);
}

/** The map is in creation order, so expired records sit at its front: drop them without a full scan. */
function sweepExpired(account: Account, now: number): void {
  for (const [key, record] of account.idempotency) {
    if (now - record.createdAt < IDEMPOTENCY_TTL_MS) return;
    if (!record.inFlight) account.idempotency.delete(key);
  }
}

/** Frees a reserved key without storing anything (failures Stripe does not remember, e.g. 429). */
export function releaseIdempotent(account: Account, key: string): void {
  const record = account.idempotency.get(key);
  if (record?.inFlight) account.idempotency.delete(key);
}
