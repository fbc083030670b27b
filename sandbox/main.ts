// Entry point of the Stripe sandbox: reads the environment, loads state, serves until SIGTERM/SIGINT.
import { resolve } from 'node:path';
import { z } from 'zod';
import { installModules } from './core/resource-module';
import { createSandboxServer } from './http/server';
import { ENDPOINT_PARAMS } from './params/endpoint-table';
import { RESOURCE_MODULES } from './resources';
import { SandboxStore } from './store/sandbox-store';

const envSchema = z.object({
  STRIPE_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(12111),
  STRIPE_SANDBOX_DATA_DIR: z.string().min(1).default('data/sandbox'),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  console.error(`[sandbox] invalid environment: ${problems}`);
  process.exit(1);
}
const { STRIPE_SANDBOX_PORT: port, STRIPE_SANDBOX_DATA_DIR: dataDir } = parsed.data;

const store = new SandboxStore(resolve(dataDir));
const server = createSandboxServer({ store, routes: installModules(RESOURCE_MODULES), paramTable: ENDPOINT_PARAMS });

server.listen(port, '127.0.0.1', () => {
  console.log(`[sandbox] Stripe sandbox listening on http://127.0.0.1:${port} (state in ${resolve(dataDir)})`);
});

function shutdown(signal: string): void {
  console.log(`[sandbox] ${signal}: closing`);
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
