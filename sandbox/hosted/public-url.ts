// The address browsers reach the sandbox at, for URLs it hands out (3-D Secure pages, receipts).
import { z } from 'zod';

const schema = z.object({
  STRIPE_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(12111),
  /** Set when the sandbox sits behind another host name (a container, a proxy). */
  STRIPE_SANDBOX_PUBLIC_URL: z.string().url().optional(),
});

let cached: string | undefined;

/** `http://127.0.0.1:<port>` unless STRIPE_SANDBOX_PUBLIC_URL says otherwise; no trailing slash. */
export function publicBaseUrl(): string {
  if (cached === undefined) {
    // main.ts has already validated the port; a bad public URL fails the first payment loudly.
    const env = schema.parse(process.env);
    cached = (env.STRIPE_SANDBOX_PUBLIC_URL ?? `http://127.0.0.1:${env.STRIPE_SANDBOX_PORT}`).replace(/\/$/, '');
  }
  return cached;
}
