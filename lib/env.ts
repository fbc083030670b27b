// Server environment, validated once at start-up with a message that names what is wrong.
import 'server-only';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from './db/database-url';

const SANDBOX_API_BASE = 'http://127.0.0.1:12111';
const SANDBOX_SECRET_KEY = 'sk_test_paydesk_sandbox';
const SANDBOX_PUBLISHABLE_KEY = 'pk_test_paydesk_sandbox';
const DEFAULT_APP_URL = 'http://localhost:3000';

const schema = z.object({
  DATABASE_URL: z.string().trim().default(DEFAULT_DATABASE_URL),
  STRIPE_SECRET_KEY: z
    .string()
    .trim()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, 'must look like sk_test_… or sk_live_…')
    .optional(),
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .trim()
    .regex(/^pk_(test|live)_[A-Za-z0-9_]+$/, 'must look like pk_test_…')
    .optional(),
  STRIPE_API_BASE: z.url().optional(),
  // A comma-separated list while a secret is being rotated: deliveries signed with any of them verify.
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((secret) => secret.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^whsec_[A-Za-z0-9_+/=]+$/, 'each comma-separated secret must look like whsec_…'))),
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  BETTER_AUTH_URL: z.url().optional(),
  // Where Stripe should deliver webhooks when the lean listener (`npm run webhooks:listen`) serves them instead of the app.
  WEBHOOK_LISTENER_URL: z.url().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Paydesk cannot start; fix these environment variables:\n${problems}`);
  }
  const env = parsed.data;
  // Real Stripe only when a real key is given and no sandbox base overrides it.
  const isSandbox = !env.STRIPE_SECRET_KEY || env.STRIPE_API_BASE !== undefined;
  return {
    ...env,
    isSandbox,
    stripeApiBase: isSandbox ? (env.STRIPE_API_BASE ?? SANDBOX_API_BASE) : undefined,
    stripeSecretKey: env.STRIPE_SECRET_KEY ?? SANDBOX_SECRET_KEY,
    stripePublishableKey: env.STRIPE_PUBLISHABLE_KEY ?? SANDBOX_PUBLISHABLE_KEY,
    webhookSecrets: env.STRIPE_WEBHOOK_SECRET,
    /** the app's public URL */
    appUrl: env.BETTER_AUTH_URL ?? DEFAULT_APP_URL,
    /** the public URL webhooks are delivered to: the lean listener's when one is configured, else the app's */
    webhookBaseUrl: env.WEBHOOK_LISTENER_URL ?? env.BETTER_AUTH_URL ?? DEFAULT_APP_URL,
  };
}

export type ServerEnv = ReturnType<typeof load>;

let cached: ServerEnv | undefined;
export function serverEnv(): ServerEnv {
  return (cached ??= load());
}
