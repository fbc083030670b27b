import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { freshSecretKey } from '../../support/sandbox';
import { rawRequest } from './helpers';

/** A port nobody listens on now: other engineers' sandboxes run on fixed ports on this machine. */
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
const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-sandbox-restart-'));
let child: ChildProcess | undefined;

async function start(): Promise<void> {
  child = spawn(join('node_modules', '.bin', 'tsx'), ['sandbox/main.ts'], {
    env: { ...process.env, STRIPE_SANDBOX_PORT: String(PORT), STRIPE_SANDBOX_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    // Answers must come from our own child, not from something else that took the port.
    if (child.exitCode !== null) throw new Error(`the second sandbox exited with code ${child.exitCode}`);
    const ok = await fetch(`${base}/_sandbox/health`).then((r) => r.ok, () => false);
    if (ok) return;
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

describe('sandbox state', () => {
  it('survives a restart: objects, events and idempotency keys are all still there', async () => {
    await start();
    const key = freshSecretKey('restart');
    const stripe = new Stripe(key, { host: '127.0.0.1', port: PORT, protocol: 'http', maxNetworkRetries: 0 });
    const customer = await stripe.customers.create({ email: 'kept@example.com', metadata: { a: '1' } }, { idempotencyKey: 'keep-me' });
    await stripe.customers.update(customer.id, { name: 'Kept' });
    await stop();

    await start();
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ email: 'kept@example.com', name: 'Kept', metadata: { a: '1' } });
    expect((await stripe.events.list()).data.map((e) => e.type)).toEqual(['customer.updated', 'customer.created']);
    const replay = await rawRequest('POST', '/v1/customers', {
      base,
      key,
      form: 'email=kept%40example.com&metadata[a]=1',
      headers: { 'Idempotency-Key': 'keep-me' },
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(customer.id);
  });

  it('resets one account by its key without touching another, and persists the reset', async () => {
    const keep = freshSecretKey('keep');
    const wipe = freshSecretKey('wipe');
    await rawRequest('POST', '/v1/customers', { base, key: keep, form: 'name=Keep' });
    await rawRequest('POST', '/v1/customers', { base, key: wipe, form: 'name=Wipe' });
    expect((await rawRequest('POST', '/_sandbox/reset', { base, key: wipe })).status).toBe(200);
    await stop();
    await start();
    expect((await rawRequest('GET', '/v1/customers', { base, key: wipe })).body.data).toEqual([]);
    expect((await rawRequest('GET', '/v1/customers', { base, key: keep })).body.data).toHaveLength(1);
  });

  it('refuses a reset without a key unless all=true is asked for', async () => {
    expect((await rawRequest('POST', '/_sandbox/reset', { base, form: '' })).status).toBe(400);
  });
});
