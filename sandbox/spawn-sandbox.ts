// Starts the sandbox as a child process on a free loopback port with its own data folder, for tests and
// benchmarks; it can be stopped and started again on the same port and data (restart tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A loopback port nobody listens on now, so runs never meet another sandbox or app on this machine. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

export interface SpawnedSandbox {
  port: number;
  base: string;
  dataDir: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and deletes its data folder. */
  dispose(): Promise<void>;
}

export interface SpawnSandboxOptions {
  port?: number;
  /** Extra environment, e.g. STRIPE_SANDBOX_WEBHOOK_RETRY_BASE_MS. */
  env?: Record<string, string>;
  /** Where the child's output goes; 'ignore' unless a caller wants to see it. */
  stdio?: 'ignore' | 'inherit';
  startTimeoutMs?: number;
}

/** Prepares a sandbox (not yet running: call start()). */
export async function spawnSandbox(options: SpawnSandboxOptions = {}): Promise<SpawnedSandbox> {
  const port = options.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-sandbox-'));
  let child: ChildProcess | undefined;

  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };

  const start = async () => {
    const started = spawn(join('node_modules', '.bin', 'tsx'), ['sandbox/main.ts'], {
      env: { ...process.env, ...options.env, STRIPE_SANDBOX_PORT: String(port), STRIPE_SANDBOX_DATA_DIR: dataDir },
      stdio: ['ignore', options.stdio ?? 'ignore', 'inherit'],
    });
    child = started;
    const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
    for (;;) {
      // Answers must come from this child, not from something else that took the port.
      if (started.exitCode !== null) throw new Error(`the sandbox exited with code ${started.exitCode} before answering`);
      if (await fetch(`${base}/_sandbox/health`).then((r) => r.ok, () => false)) return;
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`the sandbox did not answer at ${base} in time`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return {
    port,
    base,
    dataDir,
    start,
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
