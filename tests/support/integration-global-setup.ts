// Prepares an integration run: migrates the database at DATABASE_URL (a throw-away SQLite file when
// unset) and starts one Stripe sandbox (unless one already answers at STRIPE_API_BASE), with its
// state in a throw-away folder; stops it afterwards. Workers inherit the environment set here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../../lib/db/apply-migrations';
import { spawnSandbox } from '../../sandbox/spawn-sandbox';
import { sandboxBase, SANDBOX_TEST_PORT } from './sandbox';

export default async function setup(): Promise<() => Promise<void>> {
  const scratch = mkdtempSync(join(tmpdir(), 'paydesk-integration-'));
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  process.env.DATABASE_URL ??= `file:${join(scratch, 'paydesk.db')}`;
  await applyMigrations(process.env.DATABASE_URL);

  const base = sandboxBase();
  if (await fetch(`${base}/_sandbox/health`).then((r) => r.ok, () => false)) return async () => removeScratch();
  if (process.env.STRIPE_API_BASE) throw new Error(`STRIPE_API_BASE=${base} is set but no sandbox answers there`);

  const sandbox = await spawnSandbox({ port: SANDBOX_TEST_PORT, stdio: 'inherit' });
  await sandbox.start();
  return async () => {
    await sandbox.dispose();
    removeScratch();
  };
}
