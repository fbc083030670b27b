// Runs webhook-listener-process.ts as a child that can be killed without warning and started again on its port.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ListenerChild {
  start(): Promise<void>;
  /** SIGKILL: no chance to finish what it was doing */
  kill(): Promise<void>;
}

export function listenerChild(env: Record<string, string>): ListenerChild {
  let child: ChildProcess | undefined;
  return {
    start: () =>
      new Promise((resolve, reject) => {
        // node itself with tsx's loader, not the tsx wrapper: a SIGKILL must reach the process that listens.
        const started = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/chaos/webhook-listener-process.ts'], {
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        child = started;
        started.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('listening')) resolve();
        });
        started.once('exit', (code) => reject(new Error(`webhook listener exited (${code}) before listening`)));
      }),
    kill: async () => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
}
