// Starts a private Stripe sandbox for a benchmark: a free loopback port, a throw-away data folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningSandbox {
  port: number;
  base: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

export async function startSandbox(env: Record<string, string> = {}): Promise<RunningSandbox> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-bench-sandbox-'));
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['sandbox/main.ts'], {
    env: { ...process.env, ...env, STRIPE_SANDBOX_PORT: String(port), STRIPE_SANDBOX_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bench sandbox exited with code ${child.exitCode}`);
    if (await fetch(`${base}/_sandbox/health`).then((r) => r.ok, () => false)) return { port, base, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the bench sandbox did not start within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
