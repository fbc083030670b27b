// Entry point of the Stripe sandbox: reads the environment, loads state, serves until SIGTERM/SIGINT.
import { resolve } from 'node:path';
import { z } from 'zod';
import { onEvent } from './core/events';
import { installModules } from './core/resource-module';
import { faultControls } from './faults/fault-controls';
import { FaultRegistry } from './faults/fault-registry';
import { onReset } from './http/sandbox-controls';
import { createSandboxServer } from './http/server';
import { ENDPOINT_PARAMS } from './params/endpoint-table';
import { RESOURCE_MODULES } from './resources';
import { SandboxStore } from './store/sandbox-store';
import { DEFAULT_DELIVERY_CONFIG } from './webhooks/delivery-config';
import { WebhookDispatcher } from './webhooks/dispatcher';
import { webhookControls } from './webhooks/webhook-controls';
import { DISPUTE_CONTROLS } from './resources/disputes';

const envSchema = z.object({
  STRIPE_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(12111),
  STRIPE_SANDBOX_DATA_DIR: z.string().min(1).default('data/sandbox'),
  STRIPE_SANDBOX_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(0).default(DEFAULT_DELIVERY_CONFIG.retryBaseMs),
  STRIPE_SANDBOX_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(DEFAULT_DELIVERY_CONFIG.maxAttempts),
  STRIPE_SANDBOX_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1).default(DEFAULT_DELIVERY_CONFIG.timeoutMs),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  console.error(`[sandbox] invalid environment: ${problems}`);
  process.exit(1);
}
const { STRIPE_SANDBOX_PORT: port, STRIPE_SANDBOX_DATA_DIR: dataDir } = parsed.data;

const store = new SandboxStore(resolve(dataDir));
const faults = new FaultRegistry();
const webhooks = new WebhookDispatcher({
  store,
  faults,
  config: {
    retryBaseMs: parsed.data.STRIPE_SANDBOX_WEBHOOK_RETRY_BASE_MS,
    maxAttempts: parsed.data.STRIPE_SANDBOX_WEBHOOK_MAX_ATTEMPTS,
    timeoutMs: parsed.data.STRIPE_SANDBOX_WEBHOOK_TIMEOUT_MS,
  },
});
onEvent(webhooks.onEvent);
onReset((accountKey) => {
  webhooks.forgetAccount(accountKey);
  if (accountKey === null) faults.clearAll();
  else faults.clear(accountKey);
});
// Deliveries still pending when the sandbox stopped go out again now.
const resumed = webhooks.restore();
const server = createSandboxServer({
  store,
  routes: installModules(RESOURCE_MODULES),
  paramTable: ENDPOINT_PARAMS,
  faults,
  controls: [webhookControls(webhooks), faultControls(faults, (accountKey) => webhooks.releaseHeld(accountKey)), DISPUTE_CONTROLS],
});

server.listen(port, '127.0.0.1', () => {
  console.log(`[sandbox] Stripe sandbox listening on http://127.0.0.1:${port} (state in ${resolve(dataDir)})`);
  if (resumed > 0) console.log(`[sandbox] resuming ${resumed} pending webhook deliveries`);
});

function shutdown(signal: string): void {
  console.log(`[sandbox] ${signal}: closing`);
  webhooks.stop();
  server.close(() => {
    store.close();
    process.exit(0);
  });
  // Keep-alive sockets would hold close() open; the journal is already written synchronously.
  server.closeAllConnections();
  setTimeout(() => {
    store.close();
    process.exit(0);
  }, 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
