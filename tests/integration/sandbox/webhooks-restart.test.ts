import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { freshSecretKey } from '../../support/sandbox';
import { deliveriesOf, eventually } from './webhooks-controls';
import { startReceiver } from './webhooks-receiver';

/** A port nobody listens on now (other sandboxes on this machine use fixed ports). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

const PORT = await freePort();
const base = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-sandbox-webhooks-restart-'));
let child: ChildProcess | undefined;

async function start(): Promise<void> {
  child = spawn(join('node_modules', '.bin', 'tsx'), ['sandbox/main.ts'], {
    env: {
      ...process.env,
      STRIPE_SANDBOX_PORT: String(PORT),
      STRIPE_SANDBOX_DATA_DIR: dataDir,
      // Long enough that the retry is still pending when the sandbox stops, short enough for a test.
      STRIPE_SANDBOX_WEBHOOK_RETRY_BASE_MS: '2500',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the second sandbox exited with code ${child.exitCode}`);
    if (await fetch(`${base}/_sandbox/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the second sandbox did not start');
}

async function stop(): Promise<void> {
  const running = child;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGTERM');
  await exited;
}

afterAll(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('webhook deliveries across a sandbox restart', () => {
  it('delivers after a restart what was still pending before it, signed with the same endpoint secret', async () => {
    let isDown = true;
    const hook = await startReceiver(() => (isDown ? 503 : 200));
    try {
      await start();
      const key = freshSecretKey('whrestart');
      const stripe = new Stripe(key, { host: '127.0.0.1', port: PORT, protocol: 'http', maxNetworkRetries: 0 });
      const endpoint = await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['customer.created'] });
      await stripe.customers.create({ name: 'Survivor' });
      const [first] = await hook.waitFor(1);
      await stop();

      isDown = false;
      await start();
      const [, second] = await hook.waitFor(2, 20_000);
      expect(second!.eventId).toBe(first!.eventId);
      const event = new Stripe('sk_test_verifier').webhooks.constructEvent(second!.body, second!.headers['stripe-signature'] as string, endpoint.secret!);
      expect(event.type).toBe('customer.created');
      const [delivery] = await eventually(
        () => deliveriesOf(key, { event: first!.eventId }, base),
        (ds) => ds[0]?.status === 'succeeded',
      );
      expect(delivery!.attempts.map((a) => a.status_code)).toEqual([503, 200]);
      expect((await stripe.events.retrieve(first!.eventId)).pending_webhooks).toBe(0);
    } finally {
      await hook.close();
    }
    // Two sandbox start-ups (tsx compiles on each) plus a retry gap.
  }, 90_000);
});
