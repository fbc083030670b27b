// A second sandbox of the test's own (free port, own data folder) that can be stopped and started again,
// for tests of what survives a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

export interface RestartableSandbox {
  port: number;
  base: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and deletes its data folder. */
  dispose(): Promise<void>;
}

export async function restartableSandbox(): Promise<RestartableSandbox> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-sandbox-payments-'));
  let child: ChildProcess | undefined;
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  return {
    port,
    base,
    async start() {
      const started = spawn(join('node_modules', '.bin', 'tsx'), ['sandbox/main.ts'], {
        env: { ...process.env, STRIPE_SANDBOX_PORT: String(port), STRIPE_SANDBOX_DATA_DIR: dataDir },
        stdio: 'ignore',
      });
      child = started;
      for (let i = 0; i < 300; i++) {
        // Answers must come from this child, not from something else that took the port.
        if (started.exitCode !== null) throw new Error(`the sandbox exited with code ${started.exitCode}`);
        if (await fetch(`${base}/_sandbox/health`).then((r) => r.ok, () => false)) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the sandbox did not start');
    },
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
