// Retries a Stripe call that answered 429, waiting longer each time (Stripe asks clients to back off).
import 'server-only';
import Stripe from 'stripe';

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  maxAttempts?: number;
  /** told about every wait, for progress lines */
  onRateLimited?: (waitMs: number) => void;
  signal?: AbortSignal;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(error: InstanceType<typeof Stripe.errors.StripeRateLimitError>): number | null {
  const header = error.headers?.['retry-after'];
  const seconds = typeof header === 'string' ? Number(header) : NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : null;
}

export async function withRateLimitBackoff<T>(call: () => Promise<T>, options: BackoffOptions = {}): Promise<T> {
  const { baseMs = 250, maxMs = 8000, maxAttempts = 12 } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeRateLimitError) || attempt >= maxAttempts || options.signal?.aborted) throw error;
      // Full jitter, so parallel clients do not retry in step; Retry-After, when sent, is a floor.
      const waitMs = Math.max(retryAfterMs(error) ?? 0, Math.random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
      options.onRateLimited?.(waitMs);
      await sleep(waitMs);
    }
  }
}
