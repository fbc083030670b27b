// How deliveries are retried and timed out: defaults from the environment, overridable per account by tests.

export interface DeliveryConfig {
  /** Gap before the first retry; each later gap doubles (Stripe: exponential backoff over 3 days live). */
  retryBaseMs: number;
  /** Attempts in all, the first included (Stripe's test mode: the first try and 3 retries). */
  maxAttempts: number;
  /** Per attempt; a receiver that has not answered by then counts as failed. */
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_CONFIG: DeliveryConfig = { retryBaseMs: 2000, maxAttempts: 4, timeoutMs: 10_000 };

/** The wait before attempt number `attemptsSoFar + 1`: base, 2×base, 4×base, … */
export const retryDelayMs = (config: DeliveryConfig, attemptsSoFar: number): number =>
  config.retryBaseMs * 2 ** Math.max(0, attemptsSoFar - 1);
