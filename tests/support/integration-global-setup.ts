// Prepares an integration run: migrates the database at DATABASE_URL (a throw-away SQLite file when
// unset) and starts one Stripe sandbox (unless one already answers at STRIPE_API_BASE), with its
// state in a throw-away folder; stops it afterwards. Workers inherit the environment set here.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../../lib/db/apply-migrations';
import { sandboxBase, SANDBOX_TEST_PORT } from './sandbox';

async function isHealthy(base: string): Promise<boolean> {
  try {
    const response = await fetch(`${base}/_sandbox/health`);
    return response.ok;
  } catch {
    return false;
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  const scratch = mkdtempSync(join(tmpdir(), 'paydesk-integration-'));
  process.env.DATABASE_URL ??= `file:${join(scratch, 'paydesk.db')}`;
  await applyMigrations(process.env.DATABASE_URL);

  const base = sandboxBase();
  if (await isHealthy(base)) return async () => rmSync(scratch, { recursive: true, force: true });
  if (process.env.STRIPE_API_BASE) throw new Error(`STRIPE_API_BASE=${base} is set but no sandbox answers there`);

  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-sandbox-'));
  const child: ChildProcess = spawn(join('node_modules', '.bin', 'tsx'), ['sandbox/main.ts'], {
    env: { ...process.env, STRIPE_SANDBOX_PORT: String(SANDBOX_TEST_PORT), STRIPE_SANDBOX_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  while (!(await isHealthy(base))) {
    if (child.exitCode !== null) throw new Error(`the sandbox exited with code ${child.exitCode} before answering`);
    if (Date.now() > deadline) throw new Error(`the sandbox did not answer at ${base} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  };
}
